package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.daysAgo;
import static dev.evident.control.checks.CheckFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;

class IamRootNotUsedTest {

	static final Map<String, Object> DAYS = Map.of("days", 90);

	CheckFixture store = new CheckFixture();

	IamRootNotUsed check = new IamRootNotUsed(new CredentialReportStore(store.jdbc));

	@Test
	void passesWhenTheLastUseIsOlderThanTheWindow() {
		store.row("222222222222", "<root_account>", "password_last_used", daysAgo(400), "access_key_1_last_used_date",
				daysAgo(120));

		var results = check.evaluate(store.context(DAYS, active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::222222222222:root");
			assertThat(r.reason()).isEqualTo("The root user of account 222222222222 was last used (access key 1) on "
					+ "2026-06-17, 120 days before 2026-10-15, more than 90 days.");
		});
	}

	@Test
	void passesWhenNeverUsed() {
		store.row("333333333333", "<root_account>", "password_last_used", "no_information");

		var results = check.evaluate(store.context(DAYS, active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.reason()).isEqualTo("The root user of account 333333333333 has no recorded use of its "
					+ "password or access keys as of 2026-10-15.");
		});
	}

	@Test
	void failsWithTheDateOfTheMostRecentUse() {
		store.row("444444444444", "<root_account>", "password_last_used", daysAgo(12), "access_key_1_last_used_date",
				daysAgo(30));

		var results = check.evaluate(store.context(DAYS, active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::444444444444:root");
			assertThat(r.reason()).isEqualTo("The root user of account 444444444444 was last used (password) on "
					+ "2026-10-03, 12 days before 2026-10-15, within the last 90 days.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheWholeAccountIsAGapAndSkipsSuspendedAccounts() {
		store.gap("777777777777", "account");

		var results = check.evaluate(store.context(DAYS, active("777777777777"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.NO_EVIDENCE, Status.NOT_APPLICABLE);
		assertThat(results.get(0).resource()).isEqualTo("account 777777777777");
		assertThat(results.get(0).reason())
			.isEqualTo("The credential report of account 777777777777 could not be collected (see evidence gaps).");
	}

}
