package dev.evident.report;

import java.util.List;

import dev.evident.report.ReportModel.Bounded;

/**
 * The Inspector section: ACTIVE findings by severity and account, the most severe
 * findings, the findings past their remediation SLA and the scan coverage.
 */
public record InspectorSection(List<String> severities, List<Row> rows, Row total, long accountsWithFindings,
		Bounded<Finding> topFindings, String slaText, String slaSource, Bounded<SlaBreach> slaBreaches,
		Bounded<Coverage> coverage) {

	public boolean isAccountsTruncated() {
		return accountsWithFindings > rows.size();
	}

	public record Row(String accountId, String accountName, List<Long> counts, long total) {
	}

	public record Finding(String severity, String accountId, String title, String vulnerabilityId, String resourceType,
			String resourceId, String score, String firstObservedAt) {
	}

	/** An ACTIVE finding open longer than its severity's SLA at the as-of instant. */
	public record SlaBreach(String severity, String accountId, String title, String vulnerabilityId, String resourceId,
			String firstObservedAt, long ageDays, int slaDays) {
	}

	/**
	 * Inspector in one account and region: its status, and the resources it covers and
	 * does not actively scan.
	 */
	public record Coverage(String accountId, String accountName, String region, String state, String scanTypes,
			String errorCode, long resources, long notScanned) {
	}

}
