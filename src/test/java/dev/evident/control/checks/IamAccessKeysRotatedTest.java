package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

class IamAccessKeysRotatedTest {

	static final Map<String, Object> MAX = Map.of("max_age_days", 90);

	CheckFixture store = new CheckFixture();

	IamAccessKeysRotated check = new IamAccessKeysRotated(new CredentialReportStore(store.jdbc));

	@Test
	void passesForAUserWhoseActiveKeysAreRecent() {
		store.row("111111111111", "<root_account>", "access_key_1_active", "true", "access_key_1_last_rotated",
				daysAgo(1000));
		store.row("111111111111", "evident-collector", "access_key_1_active", "true", "access_key_1_last_rotated",
				daysAgo(60));
		store.row("111111111111", "alice", "password_enabled", "true");

		var results = check.evaluate(store.context(MAX, active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/evident-collector");
			assertThat(r.reason()).isEqualTo(
					"User evident-collector rotated access key 1 (60 days old) within 90 " + "days before 2026-10-15.");
		});
	}

	@Test
	void failsNamingTheStaleKeyAndIgnoresInactiveOnes() {
		store.row("111111111111", "terraform-ci", "access_key_1_active", "true", "access_key_1_last_rotated",
				daysAgo(410), "access_key_2_active", "false", "access_key_2_last_rotated", daysAgo(500));

		var results = check.evaluate(store.context(MAX, active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/terraform-ci");
			assertThat(r.reason()).isEqualTo("User terraform-ci has not rotated access key 1 (410 days old) within 90 "
					+ "days before 2026-10-15.");
		});
	}

	@Test
	void failsOnlyForTheStaleKeyOfTwo() {
		store.row("666666666666", "dev-ci", "access_key_1_active", "true", "access_key_1_last_rotated", daysAgo(95),
				"access_key_2_active", "true", "access_key_2_last_rotated", daysAgo(90));

		var results = check.evaluate(store.context(MAX, active("666666666666")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.reason())
				.isEqualTo("User dev-ci has not rotated access key 1 (95 days old) within 90 days before 2026-10-15.");
		});
	}

	@Test
	void doesNotApplyWithoutActiveKeys() {
		store.row("222222222222", "alice", "password_enabled", "true", "access_key_1_active", "false");

		var results = check.evaluate(store.context(MAX, active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(r.reason()).isEqualTo("Account 222222222222 has no IAM user with an active access key.");
		});
	}

	@Test
	void hasNoEvidenceWithoutACredentialReport() {
		var results = check.evaluate(store.context(MAX, active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 333333333333");
			assertThat(r.reason()).isEqualTo("No credential report was collected for account 333333333333.");
		});
	}

}
