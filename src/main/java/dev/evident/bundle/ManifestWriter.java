package dev.evident.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.evident.evidence.EvidenceFiles.Recorded;
import dev.evident.evidence.Runs.RunRecord;

/**
 * Writes manifest.json: the run, and every file of the package with its hash and source.
 */
final class ManifestWriter {

	private final JsonFactory json = new JsonFactory();

	void write(OutputStream out, RunRecord run, String packageId, String toolVersion, Instant createdAt,
			List<Recorded> files) throws IOException {
		try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
			g.useDefaultPrettyPrinter();
			g.writeStartObject();
			g.writeStringField("manifestVersion", "1");
			g.writeStringField("tool", "evident " + toolVersion);
			g.writeStringField("runId", run.runId());
			g.writeStringField("packageId", packageId);
			if (!packageId.equals(run.runId())) {
				// built again by evident render from the evidence of run runId
				g.writeStringField("renderedFrom", run.runId());
			}
			g.writeStringField("organizationId", run.orgId());
			g.writeStringField("managementAccountId", run.managementAccountId());
			g.writeStringField("period", run.period().toString());
			g.writeStringField("asOf", run.asOf().toString());
			g.writeStringField("source", run.source());
			g.writeStringField("createdAt", createdAt.toString());
			g.writeStringField("note", "Lists every file of the package except evidence-report.pdf, whose cover quotes "
					+ "this file's SHA-256; SHA256SUMS lists every file.");
			g.writeStringField("hashAlgorithm", "SHA-256");
			g.writeArrayFieldStart("files");
			for (Recorded r : files) {
				g.writeStartObject();
				g.writeStringField("path", r.file().path());
				g.writeNumberField("size", r.file().size());
				g.writeStringField("sha256", r.file().sha256());
				g.writeStringField("operation", r.source().operation());
				if (r.source().parameters() != null && !r.source().parameters().isEmpty()) {
					g.writeStringField("parameters", r.source().parameters());
				}
				if (r.source().accountId() != null) {
					g.writeStringField("account", r.source().accountId());
				}
				if (r.source().region() != null) {
					g.writeStringField("region", r.source().region());
				}
				g.writeStringField("collectedAt", r.source().collectedAt().toString());
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeEndObject();
		}
	}

}
