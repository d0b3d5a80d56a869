package dev.evident.inspector;

import java.time.Duration;

/**
 * How long to wait for a findings report: the first delay between status calls, doubled
 * up to {@code max}, for at most {@code timeout} in one attempt (a run that gives up
 * fails, and running it again goes on waiting for the same report).
 */
public record ReportPolling(Duration initial, Duration max, Duration timeout) {

	public ReportPolling {
		initial = initial == null ? Duration.ofSeconds(2) : initial;
		max = max == null ? Duration.ofSeconds(30) : max;
		timeout = timeout == null ? Duration.ofHours(2) : timeout;
	}

}
