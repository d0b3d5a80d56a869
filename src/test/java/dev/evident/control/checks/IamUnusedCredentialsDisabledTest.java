package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

class IamUnusedCredentialsDisabledTest {

	static final Map<String, Object> DAYS = Map.of("days", 45);

	CheckFixture store = new CheckFixture();

	IamUnusedCredentialsDisabled check = new IamUnusedCredentialsDisabled(new CredentialReportStore(store.jdbc));

	@Test
	void passesWhenEveryCredentialWasUsedRecentlyOrIsNew() {
		store.row("111111111111", "alice", "password_enabled", "true", "password_last_used", daysAgo(1),
				"password_last_changed", daysAgo(40));
		store.row("111111111111", "eve", "password_enabled", "true", "password_last_used", "no_information",
				"password_last_changed", daysAgo(15));
		store.row("111111111111", "retired", "password_enabled", "false", "access_key_1_active", "false");

		var results = check.evaluate(store.context(DAYS, active("111111111111")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.PASS, Status.PASS);
		assertThat(results.get(0).resource()).isEqualTo("arn:aws:iam::111111111111:user/alice");
		assertThat(results.get(0).reason()).isEqualTo("User alice used every credential within 45 days before "
				+ "2026-10-15: password last used 2026-10-14 (1 day).");
		assertThat(results.get(1).reason()).isEqualTo("User eve used every credential within 45 days before "
				+ "2026-10-15: password never used, created 2026-09-30 (15 days).");
	}

	@Test
	void failsForAPasswordUnusedFor200Days() {
		store.row("111111111111", "dmitri.volkov", "password_enabled", "true", "password_last_used", daysAgo(200),
				"password_last_changed", daysAgo(300));

		var results = check.evaluate(store.context(DAYS, active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/dmitri.volkov");
			assertThat(r.reason()).isEqualTo("User dmitri.volkov has credentials unused for more than 45 days before "
					+ "2026-10-15: password last used 2026-03-29 (200 days).");
		});
	}

	@Test
	void failsForAKeyNeverUsedSinceItWasCreatedLongAgo() {
		store.row("111111111111", "finance-reports", "access_key_1_active", "true", "access_key_1_last_rotated",
				daysAgo(700), "access_key_1_last_used_date", "N/A", "access_key_2_active", "true",
				"access_key_2_last_rotated", daysAgo(700), "access_key_2_last_used_date", daysAgo(3));

		var results = check.evaluate(store.context(DAYS, active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.reason()).isEqualTo("User finance-reports has credentials unused for more than 45 days before "
					+ "2026-10-15: access key 1 never used, created 2024-11-14 (700 days).");
		});
	}

	@Test
	void doesNotApplyWithoutCredentials() {
		store.row("222222222222", "<root_account>", "password_enabled", "not_supported");

		var results = check.evaluate(store.context(DAYS, active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(r.reason())
				.isEqualTo("Account 222222222222 has no IAM user with an enabled password or an active access key.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheReportIsAGap() {
		store.gap("333333333333", "iam:CredentialReport");

		var results = check.evaluate(store.context(DAYS, active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 333333333333");
			assertThat(r.reason())
				.isEqualTo("The credential report of account 333333333333 could not be collected (see evidence gaps).");
		});
	}

}
