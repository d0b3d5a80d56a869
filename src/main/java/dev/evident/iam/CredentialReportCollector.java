package dev.evident.iam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.evident.aws.RawSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;

/**
 * Generates an account's credential report, polls with bounded exponential backoff until
 * it is complete, downloads it, keeps the CSV as raw evidence and parses it. A report
 * that never completes within the bound is an error for the caller to record as an
 * evidence gap.
 */
public class CredentialReportCollector {

	private static final Logger log = LoggerFactory.getLogger(CredentialReportCollector.class);

	/**
	 * A report this young is current enough: AWS itself serves a report for up to four
	 * hours.
	 */
	static final Duration REUSE_WITHIN = Duration.ofHours(4);

	private final IamClient iam;

	private final RawSink raw;

	private final Backoff backoff;

	private final Clock clock;

	public CredentialReportCollector(IamClient iam, RawSink raw, Backoff backoff, Clock clock) {
		this.iam = iam;
		this.raw = raw;
		this.backoff = backoff;
		this.clock = clock;
	}

	public List<CredentialReportRow> collect(String accountId) throws InterruptedException {
		GetCredentialReportResponse existing = tryGet(accountId);
		if (existing != null && existing.generatedTime() != null
				&& existing.generatedTime().isAfter(clock.instant().minus(REUSE_WITHIN))) {
			return keep(accountId, existing);
		}
		iam.generateCredentialReport();
		for (int attempt = 0;; attempt++) {
			GetCredentialReportResponse report = tryGet(accountId);
			if (report != null && (existing == null || !report.generatedTime().isBefore(existing.generatedTime()))) {
				return keep(accountId, report);
			}
			if (attempt >= backoff.maxAttempts()) {
				throw new ReportNotReadyException("the credential report of " + accountId + " was not ready after "
						+ backoff.maxAttempts() + " polls");
			}
			Thread.sleep(backoff.delay(attempt).toMillis());
		}
	}

	/**
	 * The current report, or null while it is absent, expired or still being generated.
	 */
	private GetCredentialReportResponse tryGet(String accountId) {
		try {
			return iam.getCredentialReport();
		}
		catch (CredentialReportNotReadyException ex) {
			log.debug("Credential report of {} still in progress", accountId);
		}
		catch (CredentialReportNotPresentException | CredentialReportExpiredException ex) {
			log.debug("Credential report of {} absent or expired", accountId);
		}
		return null;
	}

	private List<CredentialReportRow> keep(String accountId, GetCredentialReportResponse report) {
		byte[] csv = report.content().asByteArray();
		raw.bytes("iam", "credential-report.csv", "GetCredentialReport", "GeneratedTime=" + report.generatedTime(),
				csv);
		return CredentialReportParser.parse(accountId, new String(csv, StandardCharsets.UTF_8));
	}

	/** Bounded exponential backoff for polling. */
	public record Backoff(Duration initial, Duration max, int maxAttempts) {

		public Duration delay(int attempt) {
			long millis = initial.toMillis() << Math.min(attempt, 20);
			return Duration.ofMillis(Math.min(millis, max.toMillis()));
		}
	}

	/** The report did not complete within the polling bound. */
	public static class ReportNotReadyException extends RuntimeException {

		public ReportNotReadyException(String message) {
			super(message);
		}

	}

}
