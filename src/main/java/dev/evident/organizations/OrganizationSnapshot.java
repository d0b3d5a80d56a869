package dev.evident.organizations;

import java.time.Instant;
import java.util.List;

/**
 * The organization as discovered: structure, accounts, SCPs and delegated administrators.
 */
public record OrganizationSnapshot(Organization organization, List<OrgUnit> units, List<Account> accounts,
		List<Policy> policies, List<PolicyTarget> targets, List<DelegatedAdmin> delegatedAdmins) {

	/** The organization itself. */
	public record Organization(String id, String arn, String featureSet, String managementAccountId,
			String managementEmail, String rootId, boolean scpEnabled) {

		/**
		 * The partition of the organization's ARN, such as {@code aws} or
		 * {@code aws-us-gov}.
		 */
		public String partition() {
			String[] parts = arn.split(":");
			return parts.length > 1 ? parts[1] : "aws";
		}
	}

	/** An organizational unit with the path of names and ids from the root. */
	public record OrgUnit(String id, String name, String parentId, String path) {
	}

	/** An account with its place in the tree. */
	public record Account(String id, String name, String email, String status, String joinedMethod, Instant joinedAt,
			String parentId, String ouPath, boolean management, boolean inScope) {

		/** Only active accounts are assumed into. */
		public boolean collectable() {
			return inScope && "ACTIVE".equals(status);
		}
	}

	/** A service control policy. */
	public record Policy(String id, String name, String type, boolean awsManaged, String description, String content) {
	}

	/** One attachment of a policy. */
	public record PolicyTarget(String policyId, String targetId, String targetType, String targetName) {
	}

	/** A delegated administrator account for one service. */
	public record DelegatedAdmin(String accountId, String servicePrincipal, String name, Instant delegatedAt) {
	}
}
