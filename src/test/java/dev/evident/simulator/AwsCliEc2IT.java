package dev.evident.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An independent client: the real AWS CLI (botocore, not the Java SDK) reads the demo
 * management account's network from the simulator and finds what {@link SimulatorEc2Test}
 * finds. Fails when {@code aws} is not installed.
 */
class AwsCliEc2IT {

	static final ObjectMapper JSON = new ObjectMapper();

	static Simulator sim;

	static String aws;

	@BeforeAll
	static void start() {
		aws = findOnPath("aws");
		if (aws == null) {
			fail("The AWS CLI ('aws') is not on the PATH: install it (AWS CLI v2, or 'pip install awscli') to run "
					+ "AwsCliEc2IT, which reads the simulator through it");
		}
		sim = Simulator.start(SimulatorConfig.defaults().withReferenceInstant(SimulatorIamStsTest.REFERENCE));
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
		Result result = run("ap-east-1", "describe-vpcs");
		assertThat(result.exit()).as(result.stderr()).isNotZero();
		assertThat(result.stderr()).contains("AuthFailure").contains(SimulatorEc2Test.AUTH_FAILURE_MESSAGE);
	}

	private static JsonNode cli(String... command) throws Exception {
		Result result = run("us-east-1", command);
		assertThat(result.exit()).as("aws " + String.join(" ", command) + ": " + result.stderr()).isZero();
		return JSON.readTree(result.stdout());
	}

	record Result(int exit, String stdout, String stderr) {
	}

	/**
	 * Runs {@code aws ec2 <command>} against the simulator with the management account's
	 * keys and nothing of the user's AWS configuration.
	 */
	private static Result run(String region, String... command) throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of(aws, "ec2"));
		args.addAll(List.of(command));
		args.addAll(List.of("--region", region, "--endpoint-url", sim.endpoint().toString(), "--output", "json"));
		ProcessBuilder builder = new ProcessBuilder(args);
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf(name -> name.startsWith("AWS_") || name.toLowerCase().endsWith("_proxy")
					|| name.startsWith("BOTO_"));
		AwsCredentials management = SdkClients.BASE.resolveCredentials();
		env.put("AWS_ACCESS_KEY_ID", management.accessKeyId());
		env.put("AWS_SECRET_ACCESS_KEY", management.secretAccessKey());
		env.put("AWS_CONFIG_FILE", "/dev/null");
		env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
		env.put("AWS_EC2_METADATA_DISABLED", "true");
		env.put("AWS_PAGER", "");
		env.put("AWS_MAX_ATTEMPTS", "1");
		Path out = Files.createTempFile("aws-cli", ".out");
		Path err = Files.createTempFile("aws-cli", ".err");
		try {
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("aws " + String.join(" ", command) + " did not finish within 60 s");
			}
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	private static JsonNode single(JsonNode array) {
		assertThat(array).isNotNull().hasSize(1);
		return array.get(0);
	}

	private static String findOnPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, program);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

}
