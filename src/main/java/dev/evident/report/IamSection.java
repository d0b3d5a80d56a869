package dev.evident.report;

import java.util.List;

import dev.evident.report.ReportModel.Bounded;

/**
 * The IAM section: the root user of every account, console users without MFA and active
 * access keys older than the rotation threshold.
 */
public record IamSection(Bounded<Root> roots, Bounded<User> usersWithoutMfa, Bounded<StaleKey> staleKeys,
		int maxKeyAgeDays, String keyAgeSource) {

	/**
	 * The root user of an account: {@code mfa} yes/no, {@code mfaType}
	 * hardware/virtual/unknown.
	 */
	public record Root(String accountId, String accountName, String mfa, String mfaType, String accessKeys,
			String passwordLastUsed, String keyLastUsed) {
	}

	public record User(String accountId, String accountName, String user, String arn, String passwordLastUsed) {
	}

	public record StaleKey(String accountId, String user, int key, String lastRotated, String ageDays,
			String lastUsed) {
	}

	static <T> Bounded<T> none() {
		return new Bounded<>(List.of(), 0);
	}

}
