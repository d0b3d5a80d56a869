package dev.evident.report;

import java.util.List;

/**
 * Everything the PDF template sees, already bounded. Records are exposed to Thymeleaf;
 * the template calls their accessors (e.g. {@code ${run.runId}}).
 */
public record ReportModel(Run run, List<String> statuses, List<StatusRow> statusByResponsibility, StatusRow statusTotal,
		List<ChartBar> chart, List<FrameworkSection.Summary> frameworkSummary, List<ChartBar> frameworkChart,
		Bounded<Gap> gaps, List<FrameworkSection> frameworks, List<ControlSection> controls, InspectorSection inspector,
		IamSection iam, NetworkSection network, Bounded<TreeLine> orgTree, Bounded<Scp> scps,
		Bounded<Artifact> artifacts, Bounded<EvidenceFile> files) {

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
			String rootId, String scpEnabled, long accountCount, String callerAccountId, String toolVersion,
			String manifestSha256, String attachment) {
	}

	/**
	 * Control counts per status (in the order of {@link ReportModel#statuses()}) for one
	 * responsibility.
	 */
	public record StatusRow(String responsibility, List<Long> counts, long total) {
	}

	/**
	 * A bar of a chart: {@code responsibility} is the label (a responsibility or a
	 * framework).
	 */
	public record ChartBar(String responsibility, long total, List<Segment> segments) {
	}

	/** One coloured box of a bar: {@code width} is a CSS percentage of the widest bar. */
	public record Segment(String status, String cssClass, long count, String width) {
	}

	public record Gap(String accountId, String accountName, String source, String errorCode, String message,
			String recordedAt) {
	}

	public record ControlSection(String anchor, String controlId, String title, String objective, String responsibility,
			String checkId, String status, String statusClass, List<Long> counts, Bounded<Result> results,
			Bounded<EvidenceRef> evidence, String remediation, List<String> references) {

		/**
		 * Whether the reader is told how to fix it: a failing control with a remediation.
		 */
		public boolean showsRemediation() {
			return "FAIL".equals(status) && ((remediation != null && !remediation.isBlank()) || !references.isEmpty());
		}

	}

	/**
	 * An evidence reference of a control's results: a file with its digest, or a folder
	 * with the number of files under it.
	 */
	public record EvidenceRef(String path, boolean folder, long files, String sha256, String sizeBytes) {
	}

	public record Result(String accountId, String accountName, String resource, String status, String statusClass,
			String reason) {
	}

	/** A line of the OU tree: an OU or an account, indented by depth. */
	public record TreeLine(int depth, boolean ou, String id, String name, String status, String indent) {
	}

	public record Scp(String policyId, String name, boolean awsManaged, String description, String targets) {
	}

	/** {@code covers}: yes / no / empty (unknown), see {@link ReportingPeriod}. */
	public record Artifact(String name, String series, String version, String period, String covers, String sha256) {
	}

	public record EvidenceFile(String path, String sha256, long sizeBytes) {
	}
}
