package dev.evident.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An account's IAM settings: the account summary (AccountMFAEnabled,
 * AccountAccessKeysPresent and the quotas in use), the password policy (absent is
 * evidence too), the virtual MFA devices and the account aliases.
 */
public record AccountSettings(Map<String, Long> summary, PasswordPolicy passwordPolicy, List<MfaDevice> mfaDevices,
		List<String> aliases) {

	/** The password policy; {@code present == false} when the account has none. */
	public record PasswordPolicy(boolean present, Integer minimumLength, Boolean requireSymbols, Boolean requireNumbers,
			Boolean requireUppercase, Boolean requireLowercase, Boolean allowUsersToChange, Boolean expirePasswords,
			Integer maxAgeDays, Integer reusePrevention, Boolean hardExpiry) {

		public static PasswordPolicy none() {
			return new PasswordPolicy(false, null, null, null, null, null, null, null, null, null, null);
		}
	}

	/** A virtual MFA device and the user it is assigned to. */
	public record MfaDevice(String serialNumber, String userArn, Instant enabledAt) {

		/** The root user's virtual device: its user ARN ends in {@code :root}. */
		public boolean isRoot() {
			return userArn != null && userArn.endsWith(":root");
		}
	}
}
