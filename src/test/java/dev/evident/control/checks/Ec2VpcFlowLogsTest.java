package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import dev.evident.control.Status;
import dev.evident.network.AccountRegions;
import dev.evident.network.CollectNetworkTasklet;

import org.junit.jupiter.api.Test;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.suspended;
import static dev.evident.control.checks.NetworkFixtures.flowLog;
import static dev.evident.control.checks.NetworkFixtures.region;
import static dev.evident.control.checks.NetworkFixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;

class Ec2VpcFlowLogsTest {

	CheckFixture store = new CheckFixture();

	Ec2VpcFlowLogs check = new Ec2VpcFlowLogs(store.jdbc);

	@Test
	void passesAVpcWithAnActiveDeliveringFlowLogAndFailsOneWithout() {
		store.network("444444444444",
				region("us-east-1", List.of(vpc("vpc-1"), vpc("vpc-2"), vpc("vpc-3")), List
					.of(flowLog("fl-1", "vpc-1", "ACTIVE", "SUCCESS"), flowLog("fl-3", "vpc-3", "ACTIVE", "FAILED")),
						List.of(), List.of()));
		store.evidenceFile("444444444444", "us-east-1", "ec2:DescribeVpcs",
				"raw/444444444444/ec2/us-east-1/DescribeVpcs-1.json");

		var results = check.evaluate(store.context(Map.of(), active("444444444444")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.PASS, Status.FAIL, Status.FAIL);
		assertThat(results).extracting(r -> r.resource()).containsExactly("vpc-1", "vpc-2", "vpc-3");
		assertThat(results.get(0).reason())
			.isEqualTo("VPC vpc-1 (app) in us-east-1 of account 444444444444 has flow log fl-1 (ACTIVE, traffic ALL).");
		assertThat(results.get(0).evidence()).containsExactly("raw/444444444444/ec2/us-east-1/DescribeVpcs-1.json");
		assertThat(results.get(1).reason())
			.isEqualTo("VPC vpc-2 (app) in us-east-1 of account 444444444444 has no flow log.");
		assertThat(results.get(2).reason()).isEqualTo("VPC vpc-3 (app) in us-east-1 of account 444444444444 has no "
				+ "working flow log: fl-3 is ACTIVE, delivery FAILED.");
	}

	@Test
	void aRegionTheAccountDoesNotUseIsNotApplicableNotAFailure() {
		store.network("666666666666", region("ap-northeast-1", List.of(vpc("vpc-9")),
				List.of(flowLog("fl-9", "vpc-9", "ACTIVE", "SUCCESS")), List.of(), List.of()));
		store.region("666666666666", "ap-east-1", AccountRegions.Status.NOT_ENABLED,
				"not enabled for the account (not-opted-in)");

		var results = check.evaluate(store.context(Map.of(), active("666666666666")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.NOT_APPLICABLE, Status.PASS);
		assertThat(results.get(0).resource()).isEqualTo("666666666666 ap-east-1");
		assertThat(results.get(0).reason()).isEqualTo(
				"Region ap-east-1 is not in use in account 666666666666: not enabled for the account (not-opted-in).");
	}

	@Test
	void hasNoEvidenceForARefusedRegionOrAnAccountThatCouldNotBeCollected() {
		store.network("444444444444", region("us-east-1", List.of(vpc("vpc-1")),
				List.of(flowLog("fl-1", "vpc-1", "ACTIVE", "SUCCESS")), List.of(), List.of()));
		store.region("444444444444", "eu-west-1", AccountRegions.Status.GAP, "UnauthorizedOperation: denied");
		store.gap("777777777777", CollectNetworkTasklet.SOURCE);

		var results = check
			.evaluate(store.context(Map.of(), active("444444444444"), active("777777777777"), active("333333333333")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.NO_EVIDENCE, Status.PASS, Status.NO_EVIDENCE, Status.NO_EVIDENCE);
		assertThat(results.get(0).reason()).isEqualTo("The network configuration of account 444444444444 in "
				+ "eu-west-1 could not be collected (UnauthorizedOperation: denied).");
		assertThat(results.get(2).reason())
			.isEqualTo("The network configuration of account 777777777777 could not be collected (see evidence gaps).");
		assertThat(results.get(3).reason())
			.isEqualTo("No network configuration was collected for account 333333333333.");
	}

	@Test
	void anAccountWithoutVpcsOrActiveIsNotApplicable() {
		store.network("222222222222", region("us-east-1", List.of(), List.of(), List.of(), List.of()));
		store.network("222222222222", region("eu-west-1", List.of(), List.of(), List.of(), List.of()));

		var results = check.evaluate(store.context(Map.of(), active("222222222222"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.NOT_APPLICABLE, Status.NOT_APPLICABLE);
		assertThat(results.get(0).reason()).isEqualTo("Account 222222222222 has no VPCs in eu-west-1, us-east-1.");
		assertThat(results.get(1).reason()).isEqualTo("Account 888888888888 is SUSPENDED and was not assessed.");
	}

}
