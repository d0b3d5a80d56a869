package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamSingleActiveKeyTest {

	CheckFixture store = new CheckFixture();

	IamSingleActiveKey check = new IamSingleActiveKey(new CredentialReportStore(store.jdbc));

	@Test
	void passesForOneActiveKeyOfTwo() {
		store.row("111111111111", "terraform-ci", "access_key_1_active", "true", "access_key_2_active", "false");
		store.row("111111111111", "alice", "password_enabled", "true", "access_key_1_active", "false");

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/terraform-ci");
			assertThat(r.reason()).isEqualTo("User terraform-ci has a single active access key (key 1).");
		});
	}

	@Test
	void failsForTwoActiveKeys() {
		store.row("444444444444", "payments-api", "access_key_1_active", "true", "access_key_2_active", "true");

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::444444444444:user/payments-api");
			assertThat(r.reason()).isEqualTo("User payments-api has two active access keys (keys 1 and 2).");
		});
	}

	@Test
	void doesNotApplyWhenNoUserHasAnActiveKey() {
		store.row("222222222222", "<root_account>", "access_key_1_active", "true", "access_key_2_active", "true");
		store.row("222222222222", "alice", "password_enabled", "true");

		var results = check.evaluate(store.context(Map.of(), active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(r.resource()).isEqualTo("account 222222222222");
			assertThat(r.reason()).isEqualTo("Account 222222222222 has no IAM user with an active access key.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheReportIsAGap() {
		store.gap("333333333333", "iam:CredentialReport");

		var results = check.evaluate(store.context(Map.of(), active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 333333333333");
		});
	}

}
