package dev.evident.report;

import java.util.List;

/**
 * Everything the PDF template sees, already bounded. Records are exposed to Thymeleaf;
 * the template calls their accessors (e.g. {@code ${run.runId}}).
 */
public record ReportModel(Run run, List<String> statuses, List<StatusRow> statusByResponsibility, StatusRow statusTotal,
		List<ChartBar> chart, Bounded<Gap> gaps, List<ControlSection> controls, Inspector inspector,
		Bounded<TreeLine> orgTree, Bounded<Scp> scps, Bounded<Artifact> artifacts, Bounded<EvidenceFile> files) {

	/**
	 * A bounded list: at most the configured rows, plus the full count from an aggregate
	 * query.
	 */
	public record Bounded<T>(List<T> rows, long total) {
		public boolean isTruncated() {
			return total > rows.size();
		}

		public boolean isEmpty() {
			return rows.isEmpty();
		}

		public int getShown() {
			return rows.size();
		}
	}

	public record Run(String runId, String period, String asOf, String source, String startedAt, String generatedAt,
			String orgId, String orgArn, String featureSet, String managementAccountId, String managementEmail,
			String rootId, String scpEnabled, long accountCount) {
	}

	/**
	 * Control counts per status (in the order of {@link ReportModel#statuses()}) for one
	 * responsibility.
	 */
	public record StatusRow(String responsibility, List<Long> counts, long total) {
	}

	public record ChartBar(String responsibility, long total, List<Segment> segments) {
	}

	/** One coloured box of a bar: {@code width} is a CSS percentage of the widest bar. */
	public record Segment(String status, String cssClass, long count, String width) {
	}

	public record Gap(String accountId, String accountName, String source, String errorCode, String message,
			String recordedAt) {
	}

	public record ControlSection(String anchor, String controlId, String title, String objective, String responsibility,
			String checkId, String status, String statusClass, List<Long> counts, Bounded<Result> results) {
	}

	public record Result(String accountId, String accountName, String resource, String status, String statusClass,
			String reason) {
	}

	public record Inspector(List<String> severities, List<InspectorRow> rows, InspectorRow total,
			long accountsWithFindings, Bounded<Finding> topFindings) {
		public boolean isAccountsTruncated() {
			return accountsWithFindings > rows.size();
		}
	}

	public record InspectorRow(String accountId, String accountName, List<Long> counts, long total) {
	}

	public record Finding(String severity, String accountId, String title, String vulnerabilityId, String resourceType,
			String resourceId, String score, String firstObservedAt) {
	}

	/** A line of the OU tree: an OU or an account, indented by depth. */
	public record TreeLine(int depth, boolean ou, String id, String name, String status, String indent) {
	}

	public record Scp(String policyId, String name, boolean awsManaged, String description, String targets) {
	}

	public record Artifact(String name, String series, String version, String period, String sha256) {
	}

	public record EvidenceFile(String path, String sha256, long sizeBytes) {
	}
}
