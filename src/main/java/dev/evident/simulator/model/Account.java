package dev.evident.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * An account of the organization.
 *
 * @param status ACTIVE or SUSPENDED
 * @param path organization path, e.g. {@code o-xxx/r-xxx/ou-xxx/111111111111/}
 * @param assumeRoleDenied true when the data file says AssumeRole into this account is
 * denied
 * @param inspectorStatus Inspector2 status: ENABLED, DISABLED or SUSPENDED
 * @param inspectorRegions regions where Inspector2 is enabled
 * @param optedInRegions the opt-in regions this account opted in to
 */
public record Account(String id, String name, String email, String arn, String parentId, String path, String status,
		String joinedMethod, Instant joinedTimestamp, boolean management, boolean assumeRoleDenied,
		String inspectorStatus, List<String> inspectorRegions, List<String> optedInRegions) {

	public boolean suspended() {
		return "SUSPENDED".equals(status);
	}
}
