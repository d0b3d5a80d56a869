package dev.evident.inspector;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting for a findings report: the status call after the report is ready comes at most
 * a quarter of the wait (plus the first delay) later, or one maximum delay, with few
 * calls.
 */
class ReportPollingTest {

	final ReportPolling polling = new ReportPolling(Duration.ofSeconds(2), Duration.ofSeconds(30), null);

	@Test
	void theLastCallComesSoonAfterTheReportIsReady() {
		for (long readyMillis = 2_001; readyMillis < 3_600_000; readyMillis = readyMillis * 11 / 10) {
			long waited = 0;
			Duration delay = polling.initial();
			while (waited < readyMillis) {
				waited += delay.toMillis();
				delay = polling.next(delay);
			}
			long late = waited - readyMillis;
			assertThat(late).as("ready after %d ms", readyMillis)
				.isLessThanOrEqualTo(
						Math.min(readyMillis / 4 + polling.initial().toMillis(), polling.max().toMillis()));
		}
	}

	@Test
	void aTenMinuteReportTakesAboutThirtyStatusCalls() {
		long waited = 0;
		int calls = 0;
		Duration delay = polling.initial();
		while (waited < 600_000) {
			waited += delay.toMillis();
			delay = polling.next(delay);
			calls++;
		}
		assertThat(calls).isBetween(25, 30);
		assertThat(polling.next(Duration.ofSeconds(29))).isEqualTo(polling.max());
	}

}
