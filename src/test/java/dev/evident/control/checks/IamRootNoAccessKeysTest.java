package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamRootNoAccessKeysTest {

	CheckFixture store = new CheckFixture();

	IamRootNoAccessKeys check = new IamRootNoAccessKeys(new CredentialReportStore(store.jdbc));

	@Test
	void passesWhenNoRootKeyIsActive() {
		store.row("111111111111", "<root_account>", "access_key_1_active", "false", "access_key_2_active", "false");

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:root");
			assertThat(r.reason()).isEqualTo("The root user of account 111111111111 has no active access key.");
			assertThat(r.evidence()).containsExactly("raw/111111111111/iam/credential-report.csv");
		});
	}

	@Test
	void failsNamingTheActiveKey() {
		store.row("444444444444", "<root_account>", "access_key_1_active", "false", "access_key_2_active", "true");

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::444444444444:root");
			assertThat(r.reason()).isEqualTo("The root user of account 444444444444 has an active access key (key 2).");
		});
	}

	@Test
	void failsNamingBothKeys() {
		store.row("444444444444", "<root_account>", "access_key_1_active", "true", "access_key_2_active", "true");

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).singleElement()
			.satisfies(r -> assertThat(r.reason())
				.isEqualTo("The root user of account 444444444444 has two active access keys (keys 1 and 2)."));
	}

	@Test
	void hasNoEvidenceWithoutARootRow() {
		store.row("555555555555", "alice", "access_key_1_active", "true");

		var results = check.evaluate(store.context(Map.of(), active("555555555555")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 555555555555");
			assertThat(r.reason())
				.isEqualTo("The credential report of account 555555555555 has no <root_account> row.");
		});
	}

}
