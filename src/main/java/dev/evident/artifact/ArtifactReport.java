package dev.evident.artifact;

import java.time.Instant;

/** One AWS Artifact report as collected, with the document's hash when it was downloaded. */
public record ArtifactReport(String id, String name, String series, String category, Long version, String state,
		Instant periodStart, Instant periodEnd, String documentPath, String documentSha256, Long documentSize) {

	/** Whether the audit period covers the reporting period [start, end). */
	public boolean covers(Instant start, Instant end) {
		return periodStart != null && periodEnd != null && !periodStart.isAfter(start) && !periodEnd.isBefore(end);
	}
}
