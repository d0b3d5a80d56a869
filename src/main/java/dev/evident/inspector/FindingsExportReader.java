package dev.evident.inspector;

import dev.evident.evidence.FindingRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.evident.aws.AccountCredentials;
import dev.evident.aws.AwsErrors;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.EvidenceFiles.Source;
import dev.evident.evidence.EvidenceFiles.Written;
import dev.evident.evidence.EvidenceStream;
import dev.evident.evidence.Gaps;
import dev.evident.run.Progress;
import dev.evident.run.FindingsExport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.CreateFindingsReportRequest;
import software.amazon.awssdk.services.inspector2.model.ExternalReportStatus;
import software.amazon.awssdk.services.inspector2.model.FilterCriteria;
import software.amazon.awssdk.services.inspector2.model.GetFindingsReportStatusResponse;
import software.amazon.awssdk.services.inspector2.model.ReportFormat;
import software.amazon.awssdk.services.inspector2.model.ReportingErrorCode;
import software.amazon.awssdk.services.inspector2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.inspector2.model.StringComparison;
import software.amazon.awssdk.services.inspector2.model.StringFilter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads one region's findings from a findings report instead of ListFindings pages:
 * CreateFindingsReport (JSON, every status: ACTIVE, SUPPRESSED and CLOSED, which a report
 * leaves out by default), GetFindingsReportStatus with bounded backoff, then the report
 * object streamed from S3. A thread of its own ({@link ReadAhead}) downloads the bytes
 * and keeps them as evidence, hashed as they are written (never read twice), a few MiB
 * ahead of the step, which parses them into rows of {@value #ROWS_PER_ITEM}, ten to a
 * chunk, and stores them; no more than one chunk of rows is ever held.
 *
 * <p>
 * The report id is saved in the step's context as soon as it is known: a restarted run
 * reuses a report that SUCCEEDED or is still IN_PROGRESS and creates a new one otherwise;
 * the download starts over and rows are upserted, so none is duplicated. A report that
 * FAILED (other than for having no findings) or an object AWS refuses becomes an evidence
 * gap.
 */
public class FindingsExportReader implements ItemStreamReader<FindingsItem> {

	private static final Logger log = LoggerFactory.getLogger(FindingsExportReader.class);

	/** Rows per item; a chunk of ten items is one transaction of 1,000 rows. */
	public static final int ROWS_PER_ITEM = 100;

	static final String REPORT_ID = "findings.export.reportId";

	private static final String DONE = "findings.export.done";

	private static final List<String> STATUSES = List.of("ACTIVE", "SUPPRESSED", "CLOSED");

	/** An awsAccountId filter takes at most this many values. */
	private static final int MAX_FILTER_VALUES = 10;

	private final Target target;

	private final FindingsExport export;

	private final InspectorSession session;

	private final Inspector2Client inspector;

	private final S3Client s3;

	private final AccountCredentials credentials;

	private final EvidenceFiles files;

	private final Gaps gaps;

	private final Progress progress;

	private final ReportPolling polling;

	private final Sleeper sleeper;

	private ExecutionContext context;

	private String reportId;

	private boolean done;

	private ResponseInputStream<GetObjectResponse> object;

	private EvidenceStream evidence;

	private ReadAhead download;

	private FindingsReportParser parser;

	private long kept;

	/**
	 * What to read: the run, the administrator account, the region, the package folder,
	 * the accounts in scope and whether the run's scope is restricted.
	 */
	public record Target(String runId, String accountId, String region, Path packageRoot, Set<String> accounts,
			boolean restricted) {
	}

	/** Waits between status calls (replaced in tests). */
	@FunctionalInterface
	public interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	/**
	 * @param session the administrator's Inspector clients and credentials, closed with
	 * the reader
	 * @param s3 the S3 client to read the report with (the same credentials), closed with
	 * the reader
	 */
	public FindingsExportReader(Target target, FindingsExport export, InspectorSession session, S3Client s3,
			EvidenceFiles files, Gaps gaps, Progress progress, ReportPolling polling, Sleeper sleeper) {
		this.target = target;
		this.export = export;
		this.session = session;
		this.inspector = session.client(target.region());
		this.s3 = s3;
		this.credentials = session.credentials();
		this.files = files;
		this.gaps = gaps;
		this.progress = progress;
		this.polling = polling;
		this.sleeper = sleeper;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.context = executionContext;
		reportId = executionContext.containsKey(REPORT_ID) ? executionContext.getString(REPORT_ID) : null;
		done = executionContext.containsKey(DONE);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (reportId != null) {
			executionContext.putString(REPORT_ID, reportId);
		}
		if (done) {
			executionContext.putString(DONE, "true");
		}
	}

	@Override
	public FindingsItem read() {
		if (done) {
			return null;
		}
		try {
			if (parser == null && !start()) {
				finish();
				return null;
			}
			List<FindingRow> rows = parser.next(ROWS_PER_ITEM);
			if (!rows.isEmpty()) {
				kept += rows.size();
				progress.findingsFetched(rows.size());
				return new ExportedFindings(target.region(), rows);
			}
			Written written = complete();
			log.info("Findings report {} of {}: {} findings read, {} in scope; {} bytes kept as {} (sha256 {})",
					reportId, target.region(), parser.parsed(), kept, written.size(), written.path(), written.sha256());
			finish();
			return null;
		}
		catch (SdkException ex) {
			AwsErrors.gapOrThrow(ex, this::gap);
			finish();
			return null;
		}
	}

	/** Creates (or reuses) the report, waits for it and opens its object; false: none. */
	private boolean start() {
		if (reportId == null) {
			gaps.clear(target.runId(), target.accountId(), source());
		}
		GetFindingsReportStatusResponse status = reportId == null ? null : reusable(reportId);
		if (status == null) {
			reportId = call(() -> inspector.createFindingsReport(request()).reportId());
			context.putString(REPORT_ID, reportId);
			log.info("Findings report {} requested in {} to {}", reportId, target.region(), export.uri());
		}
		status = waitFor(status);
		if (status.status() == ExternalReportStatus.SUCCEEDED) {
			open();
			return true;
		}
		if (status.errorCode() == ReportingErrorCode.NO_FINDINGS_FOUND) {
			log.info("Findings report {} of {}: no findings", reportId, target.region());
			return false;
		}
		gap(status.errorCode() == null ? status.statusAsString() : status.errorCodeAsString(),
				"findings report " + reportId + " " + status.statusAsString()
						+ (status.errorMessage() == null ? "" : ": " + status.errorMessage()));
		return false;
	}

	/** The status of a report of an earlier attempt, if it can still be used. */
	private GetFindingsReportStatusResponse reusable(String id) {
		try {
			GetFindingsReportStatusResponse status = call(() -> inspector.getFindingsReportStatus(r -> r.reportId(id)));
			if (status.status() == ExternalReportStatus.SUCCEEDED
					|| status.status() == ExternalReportStatus.IN_PROGRESS) {
				log.info("Findings report {} of {} reused ({})", id, target.region(), status.statusAsString());
				return status;
			}
			log.info("Findings report {} of {} ended {}; requesting a new one", id, target.region(),
					status.statusAsString());
		}
		catch (ResourceNotFoundException ex) {
			log.info("Findings report {} of {} no longer exists; requesting a new one", id, target.region());
		}
		return null;
	}

	/** Polls until the report is no longer in progress, backing off up to the maximum. */
	private GetFindingsReportStatusResponse waitFor(GetFindingsReportStatusResponse known) {
		GetFindingsReportStatusResponse status = known;
		Duration delay = polling.initial();
		Instant deadline = Instant.now().plus(polling.timeout());
		int polls = 0;
		while (status == null || status.status() == ExternalReportStatus.IN_PROGRESS) {
			if (status != null) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(
							"findings report " + reportId + " of " + target.region() + " still in progress after "
									+ polling.timeout() + "; run the same command again to go on waiting");
				}
				pause(delay);
				delay = polling.next(delay);
			}
			status = call(() -> inspector.getFindingsReportStatus(r -> r.reportId(reportId)));
			if (++polls % 10 == 0 && status.status() == ExternalReportStatus.IN_PROGRESS) {
				log.info("Findings report {} of {} still in progress ({} status calls)", reportId, target.region(),
						polls);
			}
		}
		return status;
	}

	private CreateFindingsReportRequest request() {
		FilterCriteria.Builder filter = FilterCriteria.builder()
			.findingStatus(STATUSES.stream().map(FindingsExportReader::equalsFilter).toList());
		if (target.restricted() && !target.accounts().isEmpty() && target.accounts().size() <= MAX_FILTER_VALUES) {
			filter.awsAccountId(target.accounts().stream().sorted().map(FindingsExportReader::equalsFilter).toList());
		}
		return CreateFindingsReportRequest.builder()
			.reportFormat(ReportFormat.JSON)
			.s3Destination(d -> d.bucketName(export.bucket())
				.keyPrefix(export.keyPrefix().isEmpty() ? null : export.keyPrefix())
				.kmsKeyArn(export.kmsKeyArn()))
			.filterCriteria(filter.build())
			.build();
	}

	private static StringFilter equalsFilter(String value) {
		return StringFilter.builder().comparison(StringComparison.EQUALS).value(value).build();
	}

	/** Opens the object, the evidence file it is copied into, and the parser. */
	private void open() {
		String key = export.objectKey(reportId);
		object = call(() -> s3.getObject(r -> r.bucket(export.bucket()).key(key)));
		String path = "raw/" + target.accountId() + "/inspector2/" + target.region() + "/findings-report.json";
		evidence = new EvidenceStream(files, target.runId(), target.packageRoot(), path,
				new Source(
						"s3:GetObject", "reportId=" + reportId + ";object=s3://" + export.bucket() + "/" + key
								+ ";etag=" + object.response().eTag(),
						target.region(), target.accountId(), Instant.now()));
		download = new ReadAhead(object, evidence.output(), "findings-report-" + target.region());
		parser = new FindingsReportParser(download, target.region(), target.accounts()::contains);
	}

	/** Copies what the parser left unread and records the whole object as evidence. */
	private Written complete() {
		try {
			download.transferTo(OutputStream.nullOutputStream());
			download.awaitEnd();
			object.close();
			object = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read findings report " + reportId, ex);
		}
		return evidence.commit();
	}

	private void gap(String code, String message) {
		gaps.record(target.runId(), target.accountId(), source(), code,
				"findings in " + target.region() + ": " + message);
	}

	private String source() {
		return FindingsPageReader.source(target.region());
	}

	private void finish() {
		done = true;
		context.putString(DONE, "true");
		release();
	}

	private void release() {
		if (object != null) {
			// first, so that the read-ahead thread's download ends at once
			object.abort();
			object = null;
		}
		if (parser != null) {
			parser.close();
			parser = null;
		}
		if (download != null) {
			download.close();
			download = null;
		}
		if (evidence != null) {
			evidence.close();
			evidence = null;
		}
	}

	/** One call; an expired session is renewed once. */
	private <T> T call(Supplier<T> call) {
		return AccountCredentials.renewingOnce(credentials,
				"the findings report of " + target.accountId() + " in " + target.region(), call::get);
	}

	private void pause(Duration delay) {
		try {
			sleeper.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for findings report " + reportId, ex);
		}
	}

	@Override
	public void close() {
		release();
		s3.close();
		session.close();
	}

}
