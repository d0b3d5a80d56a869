package dev.evident.control.checks;

import java.time.Instant;
import java.util.List;

import dev.evident.iam.CredentialColumn;
import dev.evident.iam.CredentialReportRow;

/**
 * One of the two access keys of a credential report row; instants are null when absent.
 */
record AccessKey(int number, boolean active, Instant lastRotated, Instant lastUsed) {

	/** The active keys of a user, key 1 first. */
	static List<AccessKey> active(CredentialReportRow row) {
		return List
			.of(new AccessKey(1, row.get(CredentialColumn.ACCESS_KEY_1_ACTIVE).isTrue(),
					row.get(CredentialColumn.ACCESS_KEY_1_LAST_ROTATED).instant().orElse(null),
					row.get(CredentialColumn.ACCESS_KEY_1_LAST_USED_DATE).instant().orElse(null)),
					new AccessKey(2, row.get(CredentialColumn.ACCESS_KEY_2_ACTIVE).isTrue(),
							row.get(CredentialColumn.ACCESS_KEY_2_LAST_ROTATED).instant().orElse(null),
							row.get(CredentialColumn.ACCESS_KEY_2_LAST_USED_DATE).instant().orElse(null)))
			.stream()
			.filter(AccessKey::active)
			.toList();
	}

}
