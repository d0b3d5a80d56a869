package dev.evident.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything IAM knows about one account. {@code passwordPolicy} is null when none is
 * set.
 */
public record IamAccount(String accountId, List<String> aliases, Root root, PasswordPolicy passwordPolicy,
		List<IamUser> users, List<Group> groups, List<Role> roles, List<ManagedPolicy> policies) {

	/** Root user; {@code mfa} is NONE, VIRTUAL or HARDWARE. */
	public record Root(Instant created, String mfa, Instant passwordLastUsed, List<AccessKey> accessKeys) {
		public boolean mfaActive() {
			return !"NONE".equals(mfa);
		}
	}

	public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
			boolean requireUppercaseCharacters, boolean requireLowercaseCharacters, boolean allowUsersToChangePassword,
			Integer maxPasswordAge, Integer passwordReusePrevention, Boolean hardExpiry) {
	}

	public record Group(String name, String groupId, String arn, Instant created, List<String> attachedPolicies) {
	}

	/** {@code trustPolicy} is the JSON trust policy document (not URL-encoded). */
	public record Role(String name, String roleId, String arn, Instant created, String trustPolicy,
			List<String> attachedPolicies, Instant lastUsed) {
	}

	/**
	 * A managed policy (customer-managed or AWS-managed) attached somewhere in the
	 * account.
	 */
	public record ManagedPolicy(String name, String policyId, String arn, String description, boolean awsManaged,
			Instant created, String document, int attachmentCount) {
	}
}
