package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.CheckResult;
import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;

class IamRootMfaEnabledTest {

	CheckFixture store = new CheckFixture();

	IamRootMfaEnabled check = new IamRootMfaEnabled(new CredentialReportStore(store.jdbc));

	@Test
	void passesWhenTheRootUserHasMfa() {
		store.user("222222222222", "<root_account>", false, true);

		CheckResult result = check.evaluate(store.context(Map.of(), active("222222222222"))).get(0);

		assertThat(result.status()).isEqualTo(Status.PASS);
		assertThat(result.resource()).isEqualTo("arn:aws:iam::222222222222:root");
		assertThat(result.reason()).isEqualTo("The root user of account 222222222222 has MFA enabled.");
		assertThat(result.evidence()).containsExactly("raw/222222222222/iam/credential-report.csv");
	}

	@Test
	void failsWhenTheRootUserHasNoMfa() {
		store.user("444444444444", "<root_account>", false, false);
		store.user("444444444444", "alice", true, true);

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::444444444444:root");
			assertThat(r.reason()).isEqualTo("The root user of account 444444444444 has no MFA device.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheCredentialReportWasAGap() {
		store.gap("777777777777", "account");

		CheckResult result = check.evaluate(store.context(Map.of(), active("777777777777"))).get(0);

		assertThat(result.status()).isEqualTo(Status.NO_EVIDENCE);
		assertThat(result.resource()).isEqualTo("account 777777777777");
		assertThat(result.reason()).contains("credential report of account 777777777777 could not be collected");
	}

	@Test
	void doesNotApplyToASuspendedAccount() {
		CheckResult result = check.evaluate(store.context(Map.of(), suspended("888888888888"))).get(0);

		assertThat(result.status()).isEqualTo(Status.NOT_APPLICABLE);
		assertThat(result.reason()).isEqualTo("Account 888888888888 is SUSPENDED and was not assessed.");
	}

}
