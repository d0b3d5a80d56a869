package dev.evident.report;

import java.util.List;

import dev.evident.report.ReportModel.Bounded;

/**
 * A framework of the run (SOC 2, ISO 27001...): its requirements in file order, each with
 * the status rolled up from its controls.
 */
public record FrameworkSection(String anchor, String frameworkId, String name, String version, String source,
		Summary summary, Bounded<Requirement> requirements) {

	public record Requirement(String id, String name, String status, String statusClass, String controls) {
	}

	/**
	 * Requirement counts per status (in the order of {@link ReportModel#statuses()}),
	 * with percentages of the framework's total.
	 */
	public record Summary(String frameworkId, String name, List<Long> counts, List<String> percents, long total) {
	}

}
