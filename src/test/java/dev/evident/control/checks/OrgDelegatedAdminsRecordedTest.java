package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class OrgDelegatedAdminsRecordedTest {

	CheckFixture store = new CheckFixture();

	OrgDelegatedAdminsRecorded check = new OrgDelegatedAdminsRecorded(store.jdbc);

	@Test
	void passesListingEveryDelegatedAdministrator() {
		store.organization("ALL", true);
		store.delegatedAdmin("222222222222", "inspector2.amazonaws.com", "Security Tooling");
		store.delegatedAdmin("222222222222", "guardduty.amazonaws.com", "Security Tooling");

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.accountId()).isEqualTo("111111111111");
			assertThat(r.resource()).isEqualTo("delegated administrators of o-test");
			assertThat(r.reason()).isEqualTo("Organization o-test has 2 delegated administrators: 222222222222 "
					+ "(Security Tooling) for guardduty.amazonaws.com since 2025-09-10; 222222222222 (Security Tooling) "
					+ "for inspector2.amazonaws.com since 2025-09-10.");
			assertThat(r.evidence())
				.containsExactly("raw/111111111111/organizations/ListDelegatedAdministrators-1.json");
		});
	}

	@Test
	void passesSayingThereIsNone() {
		store.organization("ALL", true);

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.reason()).isEqualTo("Organization o-test has no delegated administrator account.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheOrganizationWasNotCollected() {
		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("delegated administrators");
			assertThat(r.reason()).isEqualTo("The organization was not collected, so its delegated administrators "
					+ "cannot be shown (see evidence gaps).");
		});
	}

}
