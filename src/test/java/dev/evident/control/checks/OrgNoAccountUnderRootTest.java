package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.suspended;
import static dev.evident.control.checks.CheckFixture.under;
import static org.assertj.core.api.Assertions.assertThat;

class OrgNoAccountUnderRootTest {

	CheckFixture store = new CheckFixture();

	OrgNoAccountUnderRoot check = new OrgNoAccountUnderRoot(store.jdbc);

	@Test
	void passesForAMemberAccountInAnOu() {
		store.organization("ALL", true);
		store.ou("ou-ab12-sec00001", "Security", "r-ab12", "/r-ab12/ou-ab12-sec00001");

		var results = check.evaluate(store.context(Map.of(), under("111111111111", "r-ab12", true),
				under("222222222222", "ou-ab12-sec00001", false)));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.NOT_APPLICABLE, Status.PASS);
		assertThat(results.get(0).reason())
			.isEqualTo("Account 111111111111 is the management account, which this control does not cover.");
		assertThat(results.get(1).resource()).isEqualTo("account 222222222222");
		assertThat(results.get(1).reason())
			.isEqualTo("Account 222222222222 is in organizational unit ou-ab12-sec00001 (Security).");
		assertThat(results.get(1).evidence())
			.containsExactly("raw/111111111111/organizations/ListAccountsForParent-ou-ab12-sec00001-1.json");
	}

	@Test
	void failsForAMemberAccountDirectlyUnderTheRoot() {
		store.organization("ALL", true);

		var results = check
			.evaluate(store.context(Map.of(), under("777777777777", "r-ab12", false), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.FAIL, Status.NOT_APPLICABLE);
		assertThat(results.get(0).resource()).isEqualTo("account 777777777777");
		assertThat(results.get(0).reason())
			.isEqualTo("Account 777777777777 sits directly under the root r-ab12, outside any organizational unit.");
		assertThat(results.get(0).evidence())
			.containsExactly("raw/111111111111/organizations/ListAccountsForParent-r-ab12-1.json");
	}

	@Test
	void hasNoEvidenceWhenTheOrganizationWasNotCollected() {
		var results = check.evaluate(store.context(Map.of(), under("222222222222", "ou-ab12-sec00001", false)));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 222222222222");
			assertThat(r.reason()).isEqualTo("The organization was not collected, so the parent of account "
					+ "222222222222 cannot be shown (see evidence gaps).");
		});
	}

}
