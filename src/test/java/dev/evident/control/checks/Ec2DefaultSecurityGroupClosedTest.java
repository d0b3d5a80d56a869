package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import dev.evident.control.Status;
import dev.evident.network.AccountRegions;

import org.junit.jupiter.api.Test;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.suspended;
import static dev.evident.control.checks.NetworkFixtures.group;
import static dev.evident.control.checks.NetworkFixtures.in;
import static dev.evident.control.checks.NetworkFixtures.out;
import static dev.evident.control.checks.NetworkFixtures.region;
import static dev.evident.control.checks.NetworkFixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;

class Ec2DefaultSecurityGroupClosedTest {

	CheckFixture store = new CheckFixture();

	Ec2DefaultSecurityGroupClosed check = new Ec2DefaultSecurityGroupClosed(store.jdbc);

	@Test
	void passesAnEmptyDefaultGroupAndFailsOneWithTheRulesAwsCreatesItWith() {
		store.network("555555555555",
				region("us-east-1", List.of(vpc("vpc-1"), vpc("vpc-2")), List.of(),
						List.of(group("sg-1", "default", "vpc-1"),
								group("sg-2", "default", "vpc-2", in("-1", null, null, "sg-2"),
										out("-1", null, null, "0.0.0.0/0")),
								group("sg-3", "web", "vpc-2", in("tcp", 443, 443, "0.0.0.0/0"))),
						List.of()));

		var results = check.evaluate(store.context(Map.of(), active("555555555555")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.PASS, Status.FAIL);
		assertThat(results).extracting(r -> r.resource()).containsExactly("sg-1", "sg-2");
		assertThat(results.get(0).reason())
			.isEqualTo("The default security group sg-1 of vpc-1 in us-east-1 of account 555555555555 has no rules.");
		assertThat(results.get(1).reason()).isEqualTo("The default security group sg-2 of vpc-2 in us-east-1 of "
				+ "account 555555555555 has 2 rules: inbound all traffic from sg-2; outbound all traffic to 0.0.0.0/0.");
	}

	@Test
	void notApplicableWithoutVpcsOrInAnUnusedRegionAndNoEvidenceWhenRefused() {
		store.network("111111111111", region("eu-west-1", List.of(), List.of(), List.of(), List.of()));
		store.region("111111111111", "ap-east-1", AccountRegions.Status.NOT_ENABLED, "EC2 answered AuthFailure: x");
		store.region("444444444444", "us-east-1", AccountRegions.Status.GAP, "UnauthorizedOperation: denied");

		var results = check.evaluate(
				store.context(Map.of(), active("111111111111"), active("444444444444"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.NOT_APPLICABLE, Status.NOT_APPLICABLE, Status.NO_EVIDENCE, Status.NOT_APPLICABLE);
		assertThat(results).extracting(r -> r.resource())
			.containsExactly("111111111111 ap-east-1", "account 111111111111", "444444444444 us-east-1",
					"account 888888888888");
		assertThat(results.get(1).reason())
			.isEqualTo("Account 111111111111 has no VPC default security groups in eu-west-1.");
	}

}
