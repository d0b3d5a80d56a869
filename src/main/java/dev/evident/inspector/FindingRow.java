package dev.evident.inspector;

import java.time.Instant;

import software.amazon.awssdk.services.inspector2.model.Finding;
import software.amazon.awssdk.services.inspector2.model.Resource;

/**
 * One finding as the evidence store keeps it (a row of {@code ev_finding}), whether it
 * came from a ListFindings page or from a findings report.
 *
 * @param region the region the finding was collected from
 */
public record FindingRow(String findingArn, String accountId, String region, String severity, String status,
		String type, String title, String vulnerabilityId, String resourceType, String resourceId,
		Double inspectorScore, String fixAvailable, String exploitAvailable, Instant firstObservedAt,
		Instant lastObservedAt, Instant updatedAt) {

	/** The row of a finding as the SDK returned it from ListFindings. */
	public static FindingRow of(String region, Finding f) {
		Resource resource = f.resources().isEmpty() ? null : f.resources().get(0);
		String vulnerability = f.packageVulnerabilityDetails() != null
				? f.packageVulnerabilityDetails().vulnerabilityId() : null;
		return new FindingRow(f.findingArn(), f.awsAccountId(), region, f.severityAsString(), f.statusAsString(),
				f.typeAsString(), f.title(), vulnerability, resource == null ? null : resource.typeAsString(),
				resource == null ? null : resource.id(), f.inspectorScore(), f.fixAvailableAsString(),
				f.exploitAvailableAsString(), f.firstObservedAt(), f.lastObservedAt(), f.updatedAt());
	}

}
