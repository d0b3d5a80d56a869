package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamPasswordPolicyTest {

	static final Map<String, Object> CIS = Map.of("minimum_length", 14, "require_symbols", true, "require_numbers",
			true, "require_uppercase", true, "require_lowercase", true, "max_age_days", 90, "reuse_prevention", 24);

	CheckFixture store = new CheckFixture();

	IamPasswordPolicy check = new IamPasswordPolicy(store.jdbc);

	@Test
	void passesForAPolicyAsStrictAsTheParameters() {
		store.passwordPolicy("111111111111", 14, true, 90, 24);

		var results = check.evaluate(store.context(CIS, active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("password policy of account 111111111111");
			assertThat(r.reason()).isEqualTo("The password policy of account 111111111111 meets every requirement of "
					+ "the control (minimum length 14, maximum age 90 days, 24 passwords remembered).");
			assertThat(r.evidence()).containsExactly("raw/111111111111/iam/GetAccountPasswordPolicy.json");
		});
	}

	@Test
	void failsListingEveryUnmetParameter() {
		store.passwordPolicy("444444444444", 8, false, null, null);

		var results = check.evaluate(store.context(CIS, active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.reason()).isEqualTo("The password policy of account 444444444444 falls short: minimum length "
					+ "8 is below 14; symbols are not required; numbers are not required; uppercase letters are not "
					+ "required; lowercase letters are not required; passwords do not expire instead of at most 90; "
					+ "reuse prevention remembers 0 passwords instead of 24.");
		});
	}

	@Test
	void failsForAPasswordAgeAboveTheMaximum() {
		store.passwordPolicy("555555555555", 16, true, 180, 24);

		var results = check.evaluate(store.context(CIS, active("555555555555")));

		assertThat(results).singleElement()
			.satisfies(r -> assertThat(r.reason()).isEqualTo("The password policy of account 555555555555 falls "
					+ "short: passwords expire after 180 days instead of at most 90."));
	}

	@Test
	void failsForAnAccountWithoutPolicy() {
		store.passwordPolicy("666666666666", null, false, null, null);

		var results = check.evaluate(store.context(CIS, active("666666666666")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("password policy of account 666666666666");
			assertThat(r.reason()).isEqualTo("Account 666666666666 has no password policy.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheSettingsAreAGap() {
		store.gap("777777777777", "iam:AccountSettings");

		var results = check.evaluate(store.context(CIS, active("777777777777")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 777777777777");
			assertThat(r.reason())
				.isEqualTo("The password policy of account 777777777777 could not be collected (see evidence gaps).");
		});
	}

}
