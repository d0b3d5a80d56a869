package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamNoFullAdminTest {

	static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

	CheckFixture store = new CheckFixture();

	IamNoFullAdmin check = new IamNoFullAdmin(store.jdbc);

	@Test
	void passesForTheAccountWhenNoUserOrGroupIsAdmin() {
		store.principal("222222222222", "USER", "frank", null, null, false, null, null);
		store.principal("222222222222", "ROLE", "OrganizationAccountAccessRole", null, null, true, ADMIN,
				"AWS:arn:aws:iam::111111111111:root");

		var results = check.evaluate(store.context(Map.of("break_glass", List.of()), active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("account 222222222222");
			assertThat(r.reason())
				.isEqualTo("No IAM user or group of account 222222222222 has full administrative access.");
		});
	}

	@Test
	void failsForGroupsAndUsersNamingWhereAdminComesFrom() {
		store.principal("111111111111", "GROUP", "Administrators", null, null, true, ADMIN, null);
		store.principal("111111111111", "USER", "alice", null, null, true, "group Administrators: " + ADMIN, null);

		var results = check.evaluate(store.context(Map.of("break_glass", List.of()), active("111111111111")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.FAIL, Status.FAIL);
		assertThat(results.get(0).resource()).isEqualTo("arn:aws:iam::111111111111:group/Administrators");
		assertThat(results.get(0).reason())
			.isEqualTo("Group Administrators has full administrative access via " + ADMIN + ".");
		assertThat(results.get(1).resource()).isEqualTo("arn:aws:iam::111111111111:user/alice");
		assertThat(results.get(1).reason())
			.isEqualTo("User alice has full administrative access via group Administrators: " + ADMIN + ".");
	}

	@Test
	void passesForABreakGlassUserNamedInTheParameters() {
		store.principal("111111111111", "USER", "break-glass", "[\"" + ADMIN + "\"]", null, true, ADMIN, null);

		var results = check
			.evaluate(store.context(Map.of("break_glass", List.of("break-glass")), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:user/break-glass");
			assertThat(r.reason()).isEqualTo("User break-glass has full administrative access via " + ADMIN
					+ " as a break-glass principal, allowed by the control's parameters.");
		});
	}

	@Test
	void hasNoEvidenceWhenAuthorizationDetailsAreAGap() {
		store.gap("777777777777", "account");

		var results = check.evaluate(store.context(Map.of("break_glass", List.of()), active("777777777777")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 777777777777");
			assertThat(r.reason()).isEqualTo(
					"The authorization details of account 777777777777 could not be collected (see evidence gaps).");
		});
	}

}
