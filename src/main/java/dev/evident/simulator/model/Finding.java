package dev.evident.simulator.model;

import java.time.Instant;

/**
 * An Inspector2 finding.
 *
 * @param type PACKAGE_VULNERABILITY, NETWORK_REACHABILITY or CODE_VULNERABILITY
 * @param severity CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNTRIAGED
 * @param status ACTIVE, SUPPRESSED or CLOSED
 * @param vulnerability the package vulnerability (PACKAGE_VULNERABILITY only, else null)
 * @param openPort the reachable port (NETWORK_REACHABILITY only, else null)
 * @param cweId the weakness, e.g. CWE-89 (CODE_VULNERABILITY only, else null)
 */
public record Finding(String findingArn, String awsAccountId, String region, String type, String severity,
		String status, String title, String description, Instant firstObservedAt, Instant lastObservedAt,
		Instant updatedAt, double inspectorScore, String resourceType, String resourceId, Vulnerability vulnerability,
		boolean exploitAvailable, String fixAvailable, Integer openPort, String cweId) {

	/** Vulnerable package details. {@code fixedInVersion} may be null. */
	public record Vulnerability(String id, String packageName, String version, String fixedInVersion,
			String packageManager, double cvssScore, String cvssVector) {
	}
}
