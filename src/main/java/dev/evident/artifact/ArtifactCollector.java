package dev.evident.artifact;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles.Written;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.artifact.ArtifactClient;
import software.amazon.awssdk.services.artifact.model.ListReportsResponse;
import software.amazon.awssdk.services.artifact.model.ReportSummary;

/**
 * Lists every AWS Artifact report, reads its metadata, accepts its term and downloads the
 * document from the presigned URL ({@link DocumentDownloads}) to a temporary file, then
 * into {@code raw/<account>/artifact/}, hashed as it is written. Listing alone is
 * possible when documents are not wanted.
 */
public class ArtifactCollector {

	private static final Logger log = LoggerFactory.getLogger(ArtifactCollector.class);

	static final int DOWNLOAD_ATTEMPTS = 3;

	static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

	private final ArtifactClient client;

	private final RawSink raw;

	private final DocumentDownloads http;

	private final DocumentSelection documents;

	private final java.util.function.BiConsumer<String, Exception> downloadFailed;

	ArtifactCollector(ArtifactClient client, RawSink raw, DocumentDownloads http, DocumentSelection documents,
			java.util.function.BiConsumer<String, Exception> downloadFailed) {
		this.client = client;
		this.raw = raw;
		this.http = http;
		this.documents = documents;
		this.downloadFailed = downloadFailed;
	}

	public void collect(Consumer<ArtifactReport> sink) throws IOException {
		int page = 0;
		for (ListReportsResponse r : client.listReportsPaginator(b -> b.maxResults(25))) {
			raw.json("artifact", "ListReports-" + (++page), "ListReports", "maxResults=25", r);
			for (ReportSummary summary : r.reports()) {
				sink.accept(collect(summary));
			}
		}
	}

	private ArtifactReport collect(ReportSummary summary) throws IOException {
		String id = summary.id();
		Long version = summary.version();
		String suffix = id + "-v" + version;
		var metadata = client.getReportMetadata(b -> b.reportId(id).reportVersion(version));
		raw.json("artifact", "GetReportMetadata-" + suffix, "GetReportMetadata",
				"reportId=" + id + ";reportVersion=" + version, metadata);
		var detail = metadata.reportDetails();
		Written document = null;
		if (documents.includes(detail.series())) {
			var term = client.getTermForReport(b -> b.reportId(id).reportVersion(version));
			var report = client.getReport(b -> b.reportId(id).reportVersion(version).termToken(term.termToken()));
			try {
				document = fetch(URI.create(report.documentPresignedUrl()), suffix, id, version);
			}
			catch (IOException ex) {
				downloadFailed.accept(id, ex);
			}
		}
		return new ArtifactReport(id, detail.name(), detail.series(), detail.category(), detail.version(),
				detail.stateAsString(), detail.periodStart(), detail.periodEnd(),
				document == null ? null : document.path(), document == null ? null : document.sha256(),
				document == null ? null : document.size());
	}

	/**
	 * Downloads a document to a temporary file outside the package, checks that every
	 * announced byte arrived, and only then records it as evidence: a download cut off
	 * mid-stream is tried again, and after {@value #DOWNLOAD_ATTEMPTS} attempts it is an
	 * error for the caller (a gap), never a truncated file in the package.
	 */
	private Written fetch(URI url, String suffix, String id, Long version) throws IOException {
		IOException failure = null;
		for (int attempt = 1; attempt <= DOWNLOAD_ATTEMPTS; attempt++) {
			Path download = Files.createTempFile("evident-artifact-", ".pdf");
			try {
				http.download(url, id, download);
				// The presigned URL itself is a short-lived credential: it is not
				// recorded.
				return raw.stream("artifact", suffix + ".pdf", "GetReport",
						"reportId=" + id + ";reportVersion=" + version + ";document", out -> Files.copy(download, out));
			}
			catch (IOException ex) {
				failure = ex;
				log.debug("Download attempt {} of the document of report {} failed: {}", attempt, id, ex.toString());
			}
			finally {
				Files.deleteIfExists(download);
			}
		}
		throw failure;
	}

}
