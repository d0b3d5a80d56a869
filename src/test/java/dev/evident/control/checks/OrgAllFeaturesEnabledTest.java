package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class OrgAllFeaturesEnabledTest {

	CheckFixture store = new CheckFixture();

	OrgAllFeaturesEnabled check = new OrgAllFeaturesEnabled(store.jdbc);

	@Test
	void passesWithAllFeatures() {
		store.organization("ALL", true);

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.accountId()).isEqualTo("111111111111");
			assertThat(r.resource()).isEqualTo("organization o-test");
			assertThat(r.reason()).isEqualTo("Organization o-test has all features enabled (feature set ALL).");
			assertThat(r.evidence()).containsExactly("raw/111111111111/organizations/DescribeOrganization.json");
		});
	}

	@Test
	void failsWithConsolidatedBillingOnly() {
		store.organization("CONSOLIDATED_BILLING", false);

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("organization o-test");
			assertThat(r.reason()).isEqualTo("Organization o-test has feature set CONSOLIDATED_BILLING instead of ALL, "
					+ "so it cannot use service control policies.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheOrganizationWasNotCollected() {
		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("organization");
			assertThat(r.reason()).isEqualTo(
					"The organization was not collected, so its feature set cannot be shown (see evidence gaps).");
		});
	}

}
