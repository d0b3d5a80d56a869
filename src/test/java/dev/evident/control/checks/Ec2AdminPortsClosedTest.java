package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import dev.evident.control.Status;
import dev.evident.network.AccountRegions;

import org.junit.jupiter.api.Test;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.suspended;
import static dev.evident.control.checks.NetworkFixtures.acl;
import static dev.evident.control.checks.NetworkFixtures.allow;
import static dev.evident.control.checks.NetworkFixtures.deny;
import static dev.evident.control.checks.NetworkFixtures.group;
import static dev.evident.control.checks.NetworkFixtures.in;
import static dev.evident.control.checks.NetworkFixtures.out;
import static dev.evident.control.checks.NetworkFixtures.region;
import static dev.evident.control.checks.NetworkFixtures.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2AdminPortsClosedTest {

	static final Map<String, Object> PORTS = Map.of("ports", List.of(22, 3389));

	CheckFixture store = new CheckFixture();

	Ec2AdminPortsClosed check = new Ec2AdminPortsClosed(store.jdbc);

	@Test
	void failsSshOpenToTheWorldOnIpv6OnlyAndEveryPortOpen() {
		store.network("555555555555",
				region("us-east-1", List.of(vpc("vpc-1")), List.of(),
						List.of(group("sg-1", "legacy-ssh", "vpc-1", in("tcp", 22, 22, "::/0")),
								group("sg-2", "anything", "vpc-1", in("-1", null, null, "0.0.0.0/0")),
								group("sg-3", "bastion", "vpc-1", in("tcp", 22, 22, "10.0.0.0/8"),
										in("tcp", 443, 443, "0.0.0.0/0"), out("-1", null, null, "0.0.0.0/0")),
								group("sg-4", "range", "vpc-1", in("tcp", 3000, 4000, "0.0.0.0/0"))),
						List.of()));

		var results = check.evaluate(store.context(PORTS, active("555555555555")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.FAIL, Status.FAIL, Status.PASS, Status.FAIL);
		assertThat(results.get(0).reason()).isEqualTo(
				"Security group sg-1 (legacy-ssh) in us-east-1 of account 555555555555 allows inbound tcp 22 from ::/0 (port 22).");
		assertThat(results.get(1).reason()).isEqualTo("Security group sg-2 (anything) in us-east-1 of account "
				+ "555555555555 allows inbound all traffic from 0.0.0.0/0 (port 22, 3389).");
		assertThat(results.get(2).reason()).isEqualTo("Security group sg-3 (bastion) in us-east-1 of account "
				+ "555555555555 opens no administration port (22, 3389) to the internet.");
		assertThat(results.get(3).reason()).isEqualTo("Security group sg-4 (range) in us-east-1 of account "
				+ "555555555555 allows inbound tcp 3000-4000 from 0.0.0.0/0 (port 3389).");
	}

	@Test
	void readsANetworkAclInRuleOrderAsAwsDoes() {
		store.network("444444444444",
				region("eu-west-1", List.of(vpc("vpc-1")), List.of(), List.of(), List.of(
						acl("acl-allows-all", "vpc-1", allow(100, "-1", null, null, "0.0.0.0/0"),
								allow(101, "-1", null, null, "::/0"), deny(32767, "-1", null, null, "0.0.0.0/0")),
						acl("acl-deny-first", "vpc-1", deny(90, "6", 22, 22, "0.0.0.0/0"),
								deny(91, "6", 3389, 3389, "0.0.0.0/0"), allow(100, "-1", null, null, "0.0.0.0/0"),
								deny(32767, "-1", null, null, "0.0.0.0/0")),
						acl("acl-https", "vpc-1", allow(100, "6", 443, 443, "0.0.0.0/0"),
								allow(110, "6", 32768, 65535, "0.0.0.0/0"), deny(32767, "-1", null, null, "0.0.0.0/0")),
						acl("acl-ephemeral", "vpc-1", allow(100, "6", 443, 443, "0.0.0.0/0"),
								allow(110, "6", 1024, 65535, "0.0.0.0/0"),
								deny(32767, "-1", null, null, "0.0.0.0/0")))));

		var results = check.evaluate(store.context(PORTS, active("444444444444")));

		// in id order; a return-traffic range from 1024 lets the internet open
		// connections to 3389
		assertThat(results).extracting(r -> r.resource())
			.containsExactly("acl-allows-all", "acl-deny-first", "acl-ephemeral", "acl-https");
		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.FAIL, Status.PASS, Status.FAIL, Status.PASS);
		assertThat(results.get(2).reason()).endsWith(": rule 110 allows tcp 1024-65535 from 0.0.0.0/0 (port 3389).");
		assertThat(results.get(0).reason()).isEqualTo("Network ACL acl-allows-all (the default of vpc-1) in eu-west-1 "
				+ "of account 444444444444: rule 100 allows all traffic from 0.0.0.0/0 (port 22, 3389); "
				+ "rule 101 allows all traffic from ::/0 (port 22, 3389).");
	}

	@Test
	void notApplicableAndNoEvidenceLikeEveryNetworkCheck() {
		store.region("666666666666", "ap-east-1", AccountRegions.Status.NOT_ENABLED, "not enabled");
		store.gap("777777777777", "account");

		var results = check
			.evaluate(store.context(PORTS, active("666666666666"), active("777777777777"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.NOT_APPLICABLE, Status.NO_EVIDENCE, Status.NOT_APPLICABLE);
	}

	@Test
	void aPortThatIsNotANumberIsAClearError() {
		assertThatThrownBy(() -> check.evaluate(store.context(Map.of("ports", List.of("ssh")), active("555555555555"))))
			.hasMessage("ports: ssh is not a port number (0-65535)");
	}

}
