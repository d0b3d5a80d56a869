package dev.evident.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * An IAM user. {@code passwordLastChanged} is null when the user has no console password;
 * {@code passwordLastUsed} is null when the password was never used.
 *
 * @param attachedPolicies managed policy ARNs attached directly to the user
 */
public record IamUser(String accountId, String name, String userId, String arn, String path, Instant created,
		Instant passwordLastChanged, Instant passwordLastUsed, boolean mfaActive, List<AccessKey> accessKeys,
		List<String> groups, List<String> attachedPolicies) {

	public boolean consoleAccess() {
		return passwordLastChanged != null;
	}

	public String mfaSerial() {
		return "arn:aws:iam::" + accountId + ":mfa/" + name;
	}
}
