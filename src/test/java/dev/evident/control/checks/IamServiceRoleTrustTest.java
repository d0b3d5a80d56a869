package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamServiceRoleTrustTest {

	CheckFixture store = new CheckFixture();

	IamServiceRoleTrust check = new IamServiceRoleTrust(store.jdbc);

	@Test
	void passesForARoleTrustedOnlyByServices() {
		store.principal("444444444444", "ROLE", "settlement-lambda", null, null, false, null,
				"Service:lambda.amazonaws.com\nService:states.amazonaws.com");
		store.principal("444444444444", "ROLE", "OrganizationAccountAccessRole", null, null, false, null,
				"AWS:arn:aws:iam::111111111111:root");

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::444444444444:role/settlement-lambda");
			assertThat(r.reason()).isEqualTo("Role settlement-lambda can be assumed only by AWS services "
					+ "(lambda.amazonaws.com, states.amazonaws.com).");
		});
	}

	@Test
	void failsForAServiceRoleAlsoTrustedByAnAccountOrAFederatedIdentity() {
		store.principal("444444444444", "ROLE", "ec2-app", null, null, false, null,
				"AWS:arn:aws:iam::999999999999:root\nFederated:cognito-identity.amazonaws.com\n"
						+ "Service:ec2.amazonaws.com");

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::444444444444:role/ec2-app");
			assertThat(r.reason()).isEqualTo("Role ec2-app is trusted by AWS services (ec2.amazonaws.com) and also by "
					+ "AWS:arn:aws:iam::999999999999:root, Federated:cognito-identity.amazonaws.com.");
		});
	}

	@Test
	void doesNotApplyWithoutServiceRoles() {
		store.principal("222222222222", "ROLE", "EvidentAuditRole", null, null, false, null,
				"AWS:arn:aws:iam::111111111111:root");

		var results = check.evaluate(store.context(Map.of(), active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
			assertThat(r.reason()).isEqualTo("Account 222222222222 has no IAM role trusted by an AWS service.");
		});
	}

	@Test
	void hasNoEvidenceWhenAuthorizationDetailsAreAGap() {
		store.gap("777777777777", "iam:AuthorizationDetails");

		var results = check.evaluate(store.context(Map.of(), active("777777777777")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 777777777777");
		});
	}

}
