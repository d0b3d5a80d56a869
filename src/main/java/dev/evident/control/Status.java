package dev.evident.control;

import java.util.Collection;

/** The outcome of a control for a resource, an account or the organization. */
public enum Status {

	PASS, FAIL, MANUAL, NOT_APPLICABLE, NO_EVIDENCE;

	/**
	 * Rolls statuses up: any failure fails; otherwise missing evidence wins over a pass,
	 * because a pass must never hide an account that could not be checked.
	 */
	public static Status rollUp(Collection<Status> statuses) {
		if (statuses.contains(FAIL)) {
			return FAIL;
		}
		if (statuses.contains(NO_EVIDENCE)) {
			return NO_EVIDENCE;
		}
		if (statuses.contains(PASS)) {
			return PASS;
		}
		if (statuses.contains(MANUAL)) {
			return MANUAL;
		}
		return NOT_APPLICABLE;
	}

}
