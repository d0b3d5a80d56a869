package dev.evident.run;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.evident.run.Period;

/**
 * Whether a third-party report (AWS Artifact) covers the run's reporting period: its
 * period must start on or before the first day of the quarter and end on or after its
 * last day, compared as UTC dates. The PDF and the workbook use the same rule.
 */
public final class ReportingPeriod {

	private ReportingPeriod() {
	}

	/**
	 * {@code true} or {@code false}; {@code null} when the period text or a date is
	 * missing.
	 */
	public static Boolean covers(String period, OffsetDateTime start, OffsetDateTime end) {
		if (period == null || start == null || end == null) {
			return null;
		}
		Period quarter;
		try {
			quarter = Period.parse(period);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		LocalDate from = start.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		LocalDate to = end.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		return !from.isAfter(quarter.firstDay()) && !to.isBefore(quarter.lastDay());
	}

}
