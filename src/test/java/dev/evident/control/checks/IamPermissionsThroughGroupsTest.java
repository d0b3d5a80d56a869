package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamPermissionsThroughGroupsTest {

	CheckFixture store = new CheckFixture();

	IamPermissionsThroughGroups check = new IamPermissionsThroughGroups(store.jdbc);

	@Test
	void passesForAUserWithoutPoliciesOfItsOwn() {
		store.principal("111111111111", "USER", "alice", null, null, false, null, null);
		store.principal("111111111111", "GROUP", "Admins", "[\"arn:aws:iam::aws:policy/AdministratorAccess\"]", null,
				true, "arn:aws:iam::aws:policy/AdministratorAccess", null);

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/alice");
			assertThat(r.reason()).isEqualTo("User alice has no policy attached directly or inline.");
			assertThat(r.evidence()).containsExactly("raw/111111111111/iam/GetAccountAuthorizationDetails-1.json");
		});
	}

	@Test
	void failsNamingAttachedAndInlinePolicies() {
		store.principal("111111111111", "USER", "terraform-ci", "[\"arn:aws:iam::aws:policy/AdministratorAccess\"]",
				"{\"deploy\":\"{}\"}", true, "arn:aws:iam::aws:policy/AdministratorAccess", null);

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/terraform-ci");
			assertThat(r.reason()).isEqualTo("User terraform-ci has policies of its own instead of through groups: "
					+ "attached arn:aws:iam::aws:policy/AdministratorAccess, inline deploy.");
		});
	}

	@Test
	void doesNotApplyWithoutUsers() {
		store.principal("222222222222", "ROLE", "deploy", null, null, false, null,
				"AWS:arn:aws:iam::111111111111:root");

		var results = check.evaluate(store.context(Map.of(), active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(r.reason()).isEqualTo("Account 222222222222 has no IAM user.");
		});
	}

	@Test
	void hasNoEvidenceWhenAuthorizationDetailsAreAGapOrMissing() {
		store.gap("777777777777", "iam:AuthorizationDetails");

		var results = check.evaluate(store.context(Map.of(), active("777777777777"), active("333333333333")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.NO_EVIDENCE, Status.NO_EVIDENCE);
		assertThat(results.get(0).reason())
			.isEqualTo("The authorization details of account 777777777777 could not be collected (see evidence gaps).");
		assertThat(results.get(1).resource()).isEqualTo("account 333333333333");
		assertThat(results.get(1).reason())
			.isEqualTo("No IAM authorization details were collected for account 333333333333.");
	}

}
