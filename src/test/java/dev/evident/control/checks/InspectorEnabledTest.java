package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;

class InspectorEnabledTest {

	static final Map<String, Object> TYPES = Map.of("resource_types", List.of("ec2", "ecr", "lambda"));

	CheckFixture store = new CheckFixture();

	InspectorEnabled check = new InspectorEnabled(store.jdbc);

	@Test
	void passesPerAccountAndRegionWhenEveryTypeIsEnabled() {
		store.inspectorAccount("444444444444", "us-east-1", "ENABLED", "ENABLED", "ENABLED", "ENABLED");
		store.inspectorAccount("444444444444", "eu-west-1", "ENABLED", "ENABLED", "ENABLED", "ENABLED");

		var results = check.evaluate(store.context(TYPES, active("444444444444"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.PASS, Status.PASS, Status.NOT_APPLICABLE);
		assertThat(results.get(0).resource()).isEqualTo("444444444444 eu-west-1");
		assertThat(results.get(1).resource()).isEqualTo("444444444444 us-east-1");
		assertThat(results.get(1).reason())
			.isEqualTo("Inspector is enabled in account 444444444444 us-east-1 for ec2, ecr, lambda.");
		assertThat(results.get(1).evidence()).containsExactly("raw/111111111111/inspector2/us-east-1/");
	}

	@Test
	void failsNamingWhatIsOff() {
		store.delegatedAdmin("222222222222", "inspector2.amazonaws.com", "Security Tooling");
		store.inspectorAccount("555555555555", "us-east-1", "ENABLED", "ENABLED", "DISABLED", null);
		store.inspectorAccount("666666666666", "us-east-1", "DISABLED", "DISABLED", "DISABLED", "DISABLED");

		var results = check.evaluate(store.context(TYPES, active("555555555555"), active("666666666666")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.FAIL, Status.FAIL);
		assertThat(results.get(0).reason()).isEqualTo("Inspector is enabled in account 555555555555 us-east-1 but "
				+ "does not scan ecr (DISABLED), lambda (unknown).");
		assertThat(results.get(0).evidence()).containsExactly("raw/222222222222/inspector2/us-east-1/");
		assertThat(results.get(1).resource()).isEqualTo("666666666666 us-east-1");
		assertThat(results.get(1).reason()).isEqualTo("Inspector is DISABLED in account 666666666666 us-east-1.");
	}

	@Test
	void failsForAnAccountMissingFromACollectedRegion() {
		store.inspectorAccount("444444444444", "us-east-1", "ENABLED", "ENABLED", "ENABLED", "ENABLED");

		var results = check.evaluate(store.context(TYPES, active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("333333333333 us-east-1");
			assertThat(r.reason()).isEqualTo("Inspector status of account 333333333333 us-east-1 is unknown (not in "
					+ "the status response), so Inspector is treated as not enabled.");
		});
	}

	@Test
	void hasNoEvidenceForARegionWhoseStatusIsAGap() {
		store.inspectorAccount("444444444444", "us-east-1", "ENABLED", "ENABLED", "ENABLED", "ENABLED");
		store.gap("222222222222", "inspector2:coverage:eu-west-1");

		var results = check.evaluate(store.context(TYPES, active("444444444444")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.NO_EVIDENCE, Status.PASS);
		assertThat(results.get(0).resource()).isEqualTo("444444444444 eu-west-1");
		assertThat(results.get(0).reason()).isEqualTo("Inspector's status in eu-west-1 could not be collected "
				+ "(inspector2:coverage:eu-west-1 (AccessDenied)), so Inspector in account 444444444444 eu-west-1 "
				+ "cannot be shown.");
	}

	@Test
	void hasNoEvidenceWhenNoStatusWasCollected() {
		var results = check.evaluate(store.context(TYPES, active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 444444444444");
			assertThat(r.reason()).isEqualTo(
					"No Inspector account status was collected, so Inspector in account 444444444444 cannot be shown.");
		});
	}

}
