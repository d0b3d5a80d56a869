package dev.evident.artifact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One AWS Artifact report as collected, with the document's hash when it was downloaded.
 */
public record ArtifactReport(String id, String name, String series, String category, Long version, String state,
		Instant periodStart, Instant periodEnd, String documentPath, String documentSha256, Long documentSize) {

	/**
	 * Whether the audit period covers every day from {@code firstDay} to {@code lastDay}.
	 * Audit periods are stated in days; AWS gives their bounds as instants at some time
	 * of the day (UTC), so they are compared as calendar days.
	 */
	public boolean covers(LocalDate firstDay, LocalDate lastDay) {
		return periodStart != null && periodEnd != null && !day(periodStart).isAfter(firstDay)
				&& !day(periodEnd).isBefore(lastDay);
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate();
	}
}
