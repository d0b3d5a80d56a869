package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class InspectorCoverageGapsTest {

	CheckFixture store = new CheckFixture();

	InspectorCoverageGaps check = new InspectorCoverageGaps(store.jdbc);

	@Test
	void passesWhenEveryCoveredResourceIsScanned() {
		store.coverage("222222222222", "us-east-1", "i-0aaa", "AWS_EC2_INSTANCE", "ACTIVE", "SUCCESSFUL");
		store.coverage("222222222222", "us-east-1", "repo/app", "AWS_ECR_REPOSITORY", "ACTIVE", "SUCCESSFUL");
		store.coverage("333333333333", "us-east-1", "i-0bbb", "AWS_EC2_INSTANCE", "INACTIVE", "NO_INVENTORY");

		var results = check.evaluate(store.context(Map.of(), active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("Inspector coverage of account 222222222222");
			assertThat(r.reason())
				.isEqualTo("All 2 resources Inspector covers in account 222222222222 are actively scanned.");
			assertThat(r.evidence()).containsExactly("raw/111111111111/inspector2/");
		});
	}

	@Test
	void failsWithTheCountAndTheFirstResources() {
		store.coverage("444444444444", "us-east-1", "i-01", "AWS_EC2_INSTANCE", "INACTIVE", "UNMANAGED_EC2_INSTANCE");
		store.coverage("444444444444", "us-east-1", "i-02", "AWS_EC2_INSTANCE", "INACTIVE", "UNSUPPORTED_OS");
		store.coverage("444444444444", "eu-west-1", "fn-1", "AWS_LAMBDA_FUNCTION", "INACTIVE", "STALE_INVENTORY");
		store.coverage("444444444444", "us-east-1", "i-03", "AWS_EC2_INSTANCE", null, null);
		store.coverage("444444444444", "us-east-1", "i-04", "AWS_EC2_INSTANCE", "ACTIVE", "SUCCESSFUL");

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("Inspector coverage of account 444444444444");
			assertThat(r.reason()).isEqualTo("Account 444444444444 has 4 of 5 covered resources that Inspector does "
					+ "not actively scan: fn-1 (eu-west-1, AWS_LAMBDA_FUNCTION, STALE_INVENTORY); i-01 (us-east-1, "
					+ "AWS_EC2_INSTANCE, UNMANAGED_EC2_INSTANCE); i-02 (us-east-1, AWS_EC2_INSTANCE, UNSUPPORTED_OS); "
					+ "and 1 more.");
		});
	}

	@Test
	void hasNoEvidenceWhenCoverageIsAGap() {
		store.coverage("222222222222", "us-east-1", "i-0aaa", "AWS_EC2_INSTANCE", "ACTIVE", "SUCCESSFUL");
		store.gap("222222222222", "inspector2:coverage:eu-west-1");

		var results = check.evaluate(store.context(Map.of(), active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("Inspector coverage of account 222222222222");
			assertThat(r.reason()).isEqualTo("Inspector coverage could not be collected from "
					+ "inspector2:coverage:eu-west-1 (AccessDenied), so the coverage of account 222222222222 cannot "
					+ "be shown.");
		});
	}

}
