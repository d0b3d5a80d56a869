package dev.evident.control;

import java.util.List;

/**
 * What a check found for one resource of one account: a status, a one-sentence reason
 * that names the resource, and the evidence files it read.
 */
public record CheckResult(String accountId, String resource, Status status, String reason, List<String> evidence) {

	public CheckResult {
		evidence = List.copyOf(evidence);
	}

	public static CheckResult pass(String accountId, String resource, String reason, List<String> evidence) {
		return new CheckResult(accountId, resource, Status.PASS, reason, evidence);
	}

	public static CheckResult fail(String accountId, String resource, String reason, List<String> evidence) {
		return new CheckResult(accountId, resource, Status.FAIL, reason, evidence);
	}

	public static CheckResult noEvidence(String accountId, String resource, String reason) {
		return new CheckResult(accountId, resource, Status.NO_EVIDENCE, reason, List.of());
	}

	public static CheckResult notApplicable(String accountId, String resource, String reason) {
		return new CheckResult(accountId, resource, Status.NOT_APPLICABLE, reason, List.of());
	}
}
