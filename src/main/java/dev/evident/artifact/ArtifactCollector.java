package dev.evident.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles.Written;

import software.amazon.awssdk.services.artifact.ArtifactClient;
import software.amazon.awssdk.services.artifact.model.ListReportsResponse;
import software.amazon.awssdk.services.artifact.model.ReportSummary;

/**
 * Lists every AWS Artifact report, reads its metadata, accepts its term and downloads the
 * document from the presigned URL straight to {@code raw/<account>/artifact/}, hashing as
 * it streams. Listing alone is possible when documents are not wanted.
 */
public class ArtifactCollector {

	private final ArtifactClient client;

	private final RawSink raw;

	private final HttpClient http;

	private final DocumentSelection documents;

	private final java.util.function.BiConsumer<String, Exception> downloadFailed;

	public ArtifactCollector(ArtifactClient client, RawSink raw, HttpClient http, DocumentSelection documents,
			java.util.function.BiConsumer<String, Exception> downloadFailed) {
		this.client = client;
		this.raw = raw;
		this.http = http;
		this.documents = documents;
		this.downloadFailed = downloadFailed;
	}

	public void collect(Consumer<ArtifactReport> sink) throws IOException, InterruptedException {
		int page = 0;
		for (ListReportsResponse r : client.listReportsPaginator(b -> b.maxResults(25))) {
			raw.json("artifact", "ListReports-" + (++page), "ListReports", "maxResults=25", r);
			for (ReportSummary summary : r.reports()) {
				sink.accept(collect(summary));
			}
		}
	}

	private ArtifactReport collect(ReportSummary summary) throws IOException, InterruptedException {
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

	private Written fetch(URI url, String suffix, String id, Long version) throws IOException, InterruptedException {
		HttpResponse<InputStream> response = http.send(
				HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException("document download of report " + id + " answered HTTP " + response.statusCode());
			}
			// The presigned URL itself is a short-lived credential: it is not recorded.
			return raw.stream("artifact", suffix + ".pdf", "GetReport",
					"reportId=" + id + ";reportVersion=" + version + ";document", body::transferTo);
		}
	}

}
