package dev.evident.inspector;

import java.time.Duration;

/**
 * How long to wait for a findings report: the first delay between status calls, growing
 * by a quarter each call up to {@code max}, for at most {@code timeout} in one attempt (a
 * run that gives up fails, and running it again goes on waiting for the same report).
 * Growing by a quarter, not doubling, the last call comes at most a quarter of the time
 * already waited after the report is ready (doubling wasted up to the whole wait), for a
 * few more status calls: about 28 for a 10-minute report from 2 s.
 */
public record ReportPolling(Duration initial, Duration max, Duration timeout) {

	public ReportPolling {
		initial = initial == null ? Duration.ofSeconds(2) : initial;
		max = max == null ? Duration.ofSeconds(30) : max;
		timeout = timeout == null ? Duration.ofHours(2) : timeout;
	}

	/** The delay after {@code delay}: a quarter longer, at most {@code max}. */
	Duration next(Duration delay) {
		Duration next = delay.plus(delay.dividedBy(4));
		return next.compareTo(max) > 0 ? max : next;
	}

}
