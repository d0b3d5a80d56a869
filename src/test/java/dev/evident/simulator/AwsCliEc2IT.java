package dev.evident.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.evident.simulator.AwsCli.single;

/**
 * An independent client: the real AWS CLI (botocore, not the Java SDK) reads the demo
 * management account's network from the simulator and finds what {@link SimulatorEc2Test}
 * finds. Fails when {@code aws} is not installed.
 */
class AwsCliEc2IT {

	static Simulator sim;

	static AwsCli aws;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults().withReferenceInstant(SimulatorIamStsTest.REFERENCE));
		aws = new AwsCli(sim, SdkClients.BASE.resolveCredentials(), "AwsCliEc2IT");
	}

	@AfterAll
	static void stop() {
		if (sim != null) {
			sim.close();
		}
	}

	@Test
	void describeVpcs() throws Exception {
		JsonNode vpc = single(cli("describe-vpcs", "--page-size", "5").get("Vpcs"));
		assertThat(vpc.get("VpcId").asText()).isEqualTo(SimulatorEc2Test.MGMT_VPC);
		assertThat(vpc.get("OwnerId").asText()).isEqualTo("111111111111");
		assertThat(vpc.get("State").asText()).isEqualTo("available");
		assertThat(vpc.get("CidrBlock").asText()).isEqualTo("10.0.0.0/16");
		assertThat(vpc.get("IsDefault").asBoolean(true)).isFalse();
		assertThat(vpc.get("InstanceTenancy").asText()).isEqualTo("default");
		assertThat(vpc.get("DhcpOptionsId").asText()).matches("dopt-[0-9a-f]{17}");
		JsonNode tag = single(vpc.get("Tags"));
		assertThat(tag.get("Key").asText()).isEqualTo("Name");
		assertThat(tag.get("Value").asText()).isEqualTo("mgmt");
	}

	@Test
	void describeSecurityGroups() throws Exception {
		JsonNode groups = cli("describe-security-groups", "--page-size", "5").get("SecurityGroups");
		assertThat(groups).hasSize(2);
		JsonNode closed = groups.get(0);
		assertThat(closed.get("GroupId").asText()).isEqualTo(SimulatorEc2Test.MGMT_DEFAULT_SG);
		assertThat(closed.get("GroupName").asText()).isEqualTo("default");
		assertThat(closed.get("Description").asText()).isEqualTo("default VPC security group");
		assertThat(closed.get("VpcId").asText()).isEqualTo(SimulatorEc2Test.MGMT_VPC);
		assertThat(closed.get("OwnerId").asText()).isEqualTo("111111111111");
		assertThat(closed.get("IpPermissions")).isEmpty();
		assertThat(closed.get("IpPermissionsEgress")).isEmpty();

		JsonNode web = groups.get(1);
		assertThat(web.get("GroupId").asText()).isEqualTo(SimulatorEc2Test.MGMT_WEB_HTTPS_SG);
		assertThat(web.get("GroupName").asText()).isEqualTo("web-https");
		JsonNode https = single(web.get("IpPermissions"));
		assertThat(https.get("IpProtocol").asText()).isEqualTo("tcp");
		assertThat(https.get("FromPort").asInt()).isEqualTo(443);
		assertThat(https.get("ToPort").asInt()).isEqualTo(443);
		assertThat(single(https.get("IpRanges")).get("CidrIp").asText()).isEqualTo("0.0.0.0/0");
		assertThat(single(https.get("Ipv6Ranges")).get("CidrIpv6").asText()).isEqualTo("::/0");
		assertThat(https.get("UserIdGroupPairs")).isEmpty();
		JsonNode egress = single(web.get("IpPermissionsEgress"));
		assertThat(egress.get("IpProtocol").asText()).isEqualTo("-1");
		assertThat(egress.has("FromPort")).isFalse();
		assertThat(single(egress.get("IpRanges")).get("CidrIp").asText()).isEqualTo("0.0.0.0/0");
	}

	@Test
	void describeNetworkAcls() throws Exception {
		JsonNode acl = single(cli("describe-network-acls", "--page-size", "5").get("NetworkAcls"));
		assertThat(acl.get("NetworkAclId").asText()).isEqualTo(SimulatorEc2Test.MGMT_ACL);
		assertThat(acl.get("VpcId").asText()).isEqualTo(SimulatorEc2Test.MGMT_VPC);
		assertThat(acl.get("OwnerId").asText()).isEqualTo("111111111111");
		assertThat(acl.get("IsDefault").asBoolean()).isTrue();
		List<String> inbound = new ArrayList<>();
		List<String> outbound = new ArrayList<>();
		for (JsonNode e : acl.get("Entries")) {
			JsonNode ports = e.get("PortRange");
			(e.get("Egress").asBoolean() ? outbound : inbound)
				.add(e.get("RuleNumber").asInt() + " " + e.get("Protocol").asText() + " " + e.get("RuleAction").asText()
						+ " " + e.get("CidrBlock").asText()
						+ (ports == null ? "" : " " + ports.get("From") + "-" + ports.get("To")));
		}
		assertThat(inbound).containsExactly("100 6 allow 0.0.0.0/0 443-443", "110 6 allow 0.0.0.0/0 32768-65535",
				"32767 -1 deny 0.0.0.0/0");
		assertThat(outbound).containsExactly("100 -1 allow 0.0.0.0/0", "32767 -1 deny 0.0.0.0/0");
		assertThat(acl.get("Associations")).hasSize(2)
			.allSatisfy(a -> assertThat(a.get("NetworkAclId").asText()).isEqualTo(SimulatorEc2Test.MGMT_ACL));
	}

	@Test
	void aRegionNotOptedInToIsAnAuthFailure() throws Exception {
		AwsCli.Result result = run("ap-east-1", "describe-vpcs");
		assertThat(result.exit()).as(result.stderr()).isNotZero();
		assertThat(result.stderr()).contains("AuthFailure").contains(SimulatorEc2Test.AUTH_FAILURE_MESSAGE);
	}

	private static JsonNode cli(String... command) throws Exception {
		return aws.json("us-east-1", "ec2", command);
	}

	private static AwsCli.Result run(String region, String... command) throws Exception {
		return aws.run(region, "ec2", command);
	}

}
