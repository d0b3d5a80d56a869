package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class OrgScpAttachedTest {

	CheckFixture store = new CheckFixture();

	OrgScpAttached check = new OrgScpAttached(store.jdbc);

	@Test
	void passesForAnOuGuardedByItsOwnPolicyAndItsParents() {
		store.organization("ALL", true);
		store.ou("ou-ab12-work0001", "Workloads", "r-ab12", "/r-ab12/ou-ab12-work0001");
		store.ou("ou-ab12-prod0001", "Production", "ou-ab12-work0001", "/r-ab12/ou-ab12-work0001/ou-ab12-prod0001");
		store.scp("p-FullAWSAccess", "FullAWSAccess", "r-ab12", "ou-ab12-work0001", "ou-ab12-prod0001");
		store.scp("p-denyroot01", "DenyRootUser", "ou-ab12-prod0001");
		store.scp("p-regionlock1", "RegionRestriction", "ou-ab12-work0001");

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.PASS, Status.PASS);
		assertThat(results.get(0).resource()).isEqualTo("ou-ab12-work0001 (Workloads)");
		assertThat(results.get(1).resource()).isEqualTo("ou-ab12-prod0001 (Production)");
		assertThat(results.get(1).reason()).isEqualTo("Organizational unit ou-ab12-prod0001 (Production) is "
				+ "restricted by DenyRootUser (attached to the OU itself), RegionRestriction (attached to parent OU "
				+ "ou-ab12-work0001).");
		assertThat(results.get(1).evidence()).containsExactly(
				"raw/111111111111/organizations/ListPolicies-SERVICE_CONTROL_POLICY-1.json",
				"raw/111111111111/organizations/");
	}

	@Test
	void passesThroughAPolicyOnTheRoot() {
		store.organization("ALL", true);
		store.ou("ou-ab12-sec00001", "Security", "r-ab12", "/r-ab12/ou-ab12-sec00001");
		store.scp("p-denyleave01", "DenyLeaveOrganization", "r-ab12");

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement()
			.satisfies(r -> assertThat(r.reason()).isEqualTo("Organizational unit ou-ab12-sec00001 (Security) is "
					+ "restricted by DenyLeaveOrganization (attached to the root r-ab12)."));
	}

	@Test
	void failsForAnOuWithOnlyFullAwsAccess() {
		store.organization("ALL", true);
		store.ou("ou-ab12-sand0001", "Sandbox", "r-ab12", "/r-ab12/ou-ab12-sand0001");
		store.ou("ou-ab12-sec00001", "Security", "r-ab12", "/r-ab12/ou-ab12-sec00001");
		store.scp("p-FullAWSAccess", "FullAWSAccess", "r-ab12", "ou-ab12-sand0001");
		store.scp("p-protectsec1", "ProtectSecurityServices", "ou-ab12-sec00001");

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.FAIL, Status.PASS);
		assertThat(results.get(0).resource()).isEqualTo("ou-ab12-sand0001 (Sandbox)");
		assertThat(results.get(0).reason()).isEqualTo("Organizational unit ou-ab12-sand0001 (Sandbox) has no service "
				+ "control policy other than FullAWSAccess, on itself or on any parent.");
	}

	@Test
	void failsWhenScpsAreNotEnabled() {
		store.organization("ALL", false);
		store.ou("ou-ab12-sec00001", "Security", "r-ab12", "/r-ab12/ou-ab12-sec00001");

		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("organization o-test");
			assertThat(r.reason()).isEqualTo("Service control policies are not enabled in organization o-test, so no "
					+ "organizational unit is restricted by one.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheOrganizationWasNotCollected() {
		var results = check.evaluate(store.context(Map.of(), active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("organization");
			assertThat(r.reason()).isEqualTo("The organization was not collected, so its service control policies "
					+ "cannot be shown (see evidence gaps).");
		});
	}

}
