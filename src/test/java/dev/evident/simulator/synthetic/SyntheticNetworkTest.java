package dev.evident.simulator.synthetic;

import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.AwsRegion;
import dev.evident.simulator.model.NetworkAcl;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.SecurityGroup;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.Vpc;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The synthetic organization's network: every account in the same four regions, one or
 * two VPCs per region generated deterministically on demand, mostly closed with a few
 * exposures, and served through the real EC2 client.
 */
class SyntheticNetworkTest {

	static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1");

	static final AwsCredentialsProvider BASE = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret"));

	@Test
	void everyAccountHasTheSameNetworkOnEveryBuildInItsFourRegions() {
		// the benchmarks' 500 accounts; few users and no findings keep the build quick
		SyntheticSize size = SyntheticSize.of(500, 1_000, 0);
		SimulatedOrganization a = SyntheticOrganizationBuilder.build(size, SyntheticOrganizationTest.REFERENCE);
		SimulatedOrganization b = SyntheticOrganizationBuilder.build(size, SyntheticOrganizationTest.REFERENCE);

		assertThat(a.regions()).extracting(AwsRegion::name, AwsRegion::optIn)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ap-east-1", true),
					org.assertj.core.groups.Tuple.tuple("ap-northeast-1", false),
					org.assertj.core.groups.Tuple.tuple("eu-west-1", false),
					org.assertj.core.groups.Tuple.tuple("us-east-1", false),
					org.assertj.core.groups.Tuple.tuple("us-west-2", false));
		int vpcs = 0;
		int groups = 0;
		int twoVpcRegions = 0;
		int flowLogs = 0;
		int failedDelivery = 0;
		int closedDefaultGroups = 0;
		int adminFromAnywhere = 0;
		int openAcls = 0;
		Set<String> ids = new HashSet<>();
		for (Account account : a.accounts()) {
			assertThat(a.regionEnabled(account.id(), "ap-east-1")).isFalse();
			assertThat(a.network(account.id(), "ap-east-1")).isEqualTo(RegionNetwork.EMPTY);
			for (String region : REGIONS) {
				assertThat(a.regionEnabled(account.id(), region)).isTrue();
				RegionNetwork network = a.network(account.id(), region);
				assertThat(b.network(account.id(), region)).isEqualTo(network);
				assertThat(network.vpcs()).hasSizeBetween(1, 2).allSatisfy(v -> {
					assertThat(v.vpcId()).matches("vpc-[0-9a-f]{17}");
					assertThat(v.ownerId()).isEqualTo(account.id());
				});
				vpcs += network.vpcs().size();
				groups += network.securityGroups().size();
				twoVpcRegions += network.vpcs().size() == 2 ? 1 : 0;
				flowLogs += network.flowLogs().size();
				failedDelivery += (int) network.flowLogs()
					.stream()
					.filter(f -> f.deliverLogsStatus().equals("FAILED"))
					.count();
				closedDefaultGroups += (int) network.securityGroups()
					.stream()
					.filter(g -> g.groupName().equals("default") && g.ingress().isEmpty() && g.egress().isEmpty())
					.count();
				adminFromAnywhere += (int) network.securityGroups()
					.stream()
					.filter(SyntheticNetworkTest::adminPortFromAnywhere)
					.count();
				openAcls += (int) network.networkAcls().stream().filter(SyntheticNetworkTest::sshAllowed).count();
				assertThat(network.networkAcls()).hasSameSizeAs(network.vpcs());
				network.vpcs().forEach(v -> ids.add(v.vpcId()));
				network.securityGroups().forEach(g -> ids.add(g.groupId()));
				network.networkAcls().forEach(n -> ids.add(n.networkAclId()));
			}
		}
		assertThat(vpcs).isBetween(2_400, 2_900);
		assertThat(twoVpcRegions).isPositive();
		// ids are unique across the organization
		assertThat(ids).hasSize(vpcs * 2 + groups);
		// flow logs on most VPCs, a few failing; default groups mostly closed; a few
		// groups and ACLs open to SSH or RDP from anywhere
		assertThat(flowLogs * 100 / vpcs).isBetween(75, 95);
		assertThat(failedDelivery).isPositive();
		assertThat(closedDefaultGroups * 100 / vpcs).isBetween(70, 90);
		assertThat(adminFromAnywhere * 100 / vpcs).isBetween(5, 20);
		assertThat(openAcls * 100 / vpcs).isBetween(1, 10);
	}

	@Test
	void theSimulatorServesTheSyntheticVpcsInEachRegion() {
		SyntheticSize size = SyntheticSize.of(8, 20, 100);
		try (Simulator sim = Simulator.start(SimulatorConfig.defaults()
			.withReferenceInstant(SyntheticOrganizationTest.REFERENCE)
			.withThreads(4)
			.withSynthetic(size))) {
			SimulatedOrganization org = sim.organization();
			String member = SyntheticOrganizationBuilder.accountId(5);
			for (String account : List.of(sim.managementAccountId(), member)) {
				AwsCredentialsProvider credentials = account.equals(sim.managementAccountId()) ? BASE
						: assume(sim, account);
				for (String region : REGIONS) {
					try (Ec2Client ec2 = ec2(sim, credentials, region)) {
						assertThat(ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream())
							.extracting(v -> v.vpcId())
							.containsExactlyElementsOf(
									org.network(account, region).vpcs().stream().map(Vpc::vpcId).toList());
						assertThat(ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups().stream())
							.extracting(g -> g.groupId())
							.containsExactlyElementsOf(org.network(account, region)
								.securityGroups()
								.stream()
								.map(SecurityGroup::groupId)
								.toList());
						assertThat(ec2.describeRegions().regions()).hasSize(4);
					}
				}
				try (Ec2Client ec2 = ec2(sim, credentials, "ap-east-1")) {
					assertThat(
							catchThrowableOfType(Ec2Exception.class, ec2::describeVpcs).awsErrorDetails().errorCode())
						.isEqualTo("AuthFailure");
				}
			}
		}
	}

	private static boolean adminPortFromAnywhere(SecurityGroup group) {
		return group.ingress()
			.stream()
			.anyMatch(p -> p.fromPort() != null && (p.fromPort() == 22 || p.fromPort() == 3389)
					&& (p.ipv4Ranges().stream().anyMatch(r -> r.cidr().equals("0.0.0.0/0"))
							|| p.ipv6Ranges().stream().anyMatch(r -> r.cidr().equals("::/0"))));
	}

	private static boolean sshAllowed(NetworkAcl acl) {
		return acl.entries()
			.stream()
			.anyMatch(e -> !e.egress() && e.ruleAction().equals("allow") && e.fromPort() != null && e.fromPort() <= 22
					&& e.toPort() >= 22);
	}

	private static Ec2Client ec2(Simulator sim, AwsCredentialsProvider credentials, String region) {
		return Ec2Client.builder()
			.endpointOverride(sim.endpoint())
			.region(Region.of(region))
			.credentialsProvider(credentials)
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration(ClientOverrideConfiguration.builder()
				.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build())
				.build())
			.build();
	}

	private static AwsCredentialsProvider assume(Simulator sim, String accountId) {
		try (StsClient sts = StsClient.builder()
			.endpointOverride(sim.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(BASE)
			.httpClientBuilder(ApacheHttpClient.builder())
			.build()) {
			Credentials c = sts
				.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/EvidentAuditRole")
					.roleSessionName("evident-test"))
				.credentials();
			return StaticCredentialsProvider
				.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
		}
	}

}
