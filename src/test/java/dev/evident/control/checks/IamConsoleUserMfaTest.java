package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamConsoleUserMfaTest {

	CheckFixture store = new CheckFixture();

	IamConsoleUserMfa check = new IamConsoleUserMfa(new CredentialReportStore(store.jdbc));

	@Test
	void passesForEachConsoleUserWithMfaAndIgnoresKeyOnlyUsers() {
		store.user("111111111111", "<root_account>", false, false);
		store.user("111111111111", "alice", true, true);
		store.user("111111111111", "ci-bot", false, false);

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/alice");
			assertThat(r.reason()).isEqualTo("Console user alice has MFA enabled.");
		});
	}

	@Test
	void failsForAConsoleUserWithoutMfa() {
		store.user("111111111111", "alice", true, true);
		store.user("111111111111", "dmitri", true, false);

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.PASS, Status.FAIL);
		assertThat(results.get(1).resource()).isEqualTo("arn:aws:iam::111111111111:user/dmitri");
		assertThat(results.get(1).reason()).isEqualTo("Console user dmitri signs in with a password and no MFA.");
	}

	@Test
	void hasNoEvidenceWhenTheReportCouldNotBeCollected() {
		store.gap("333333333333", "iam:CredentialReport");

		var results = check.evaluate(store.context(Map.of(), active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 333333333333");
		});
	}

	@Test
	void doesNotApplyWithoutConsoleUsers() {
		store.user("555555555555", "<root_account>", false, true);

		var results = check.evaluate(store.context(Map.of(), active("555555555555")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(r.reason()).isEqualTo("Account 555555555555 has no IAM user with a console password.");
		});
	}

}
