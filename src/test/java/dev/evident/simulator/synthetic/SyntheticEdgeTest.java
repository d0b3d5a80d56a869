package dev.evident.simulator.synthetic;

import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.GlobalEdge;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.model.RegionEdge;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.Vpc;
import dev.evident.simulator.model.WebAcl;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.shield.ShieldClient;
import software.amazon.awssdk.services.shield.model.SubscriptionState;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic organization's entry points: zero to two load balancers per account and
 * region in its synthetic VPCs, most internet-facing ones behind a web ACL, a
 * distribution on some accounts, Shield Advanced on a few, the same on every build, and
 * served through the real clients.
 */
class SyntheticEdgeTest {

	static final List<String> REGIONS = SyntheticNetworkTest.REGIONS;

	@Test
	void everyAccountHasTheSameEntryPointsOnEveryBuild() {
		SyntheticSize size = SyntheticSize.of(500, 1_000, 0);
		SimulatedOrganization a = SyntheticOrganizationBuilder.build(size, SyntheticOrganizationTest.REFERENCE);
		SimulatedOrganization b = SyntheticOrganizationBuilder.build(size, SyntheticOrganizationTest.REFERENCE);

		int loadBalancers = 0;
		int internetFacing = 0;
		int publicApplications = 0;
		int protectedApplications = 0;
		int internal = 0;
		int network = 0;
		int loggedAcls = 0;
		int acls = 0;
		int distributions = 0;
		int protectedDistributions = 0;
		int shield = 0;
		Set<String> arns = new HashSet<>();
		for (Account account : a.accounts()) {
			assertThat(a.edge(account.id(), "ap-east-1")).isEqualTo(RegionEdge.EMPTY);
			for (String region : REGIONS) {
				RegionEdge edge = a.edge(account.id(), region);
				assertThat(b.edge(account.id(), region)).isEqualTo(edge);
				assertThat(edge.loadBalancers()).hasSizeBetween(0, 2);
				RegionNetwork net = a.network(account.id(), region);
				for (LoadBalancer lb : edge.loadBalancers()) {
					assertThat(lb.arn())
						.startsWith("arn:aws:elasticloadbalancing:" + region + ":" + account.id() + ":");
					assertThat(net.vpcs()).extracting(Vpc::vpcId).contains(lb.vpcId());
					assertThat(lb.listeners()).isNotEmpty();
					arns.add(lb.arn());
					loadBalancers++;
					internetFacing += lb.internetFacing() ? 1 : 0;
					internal += lb.internetFacing() ? 0 : 1;
					network += lb.type().equals("network") ? 1 : 0;
					if (lb.internetFacing() && lb.type().equals("application")) {
						publicApplications++;
						protectedApplications += lb.webAclArn() != null ? 1 : 0;
					}
					if (lb.webAclArn() != null) {
						assertThat(edge.webAcls()).extracting(WebAcl::arn).contains(lb.webAclArn());
					}
				}
				acls += edge.webAcls().size();
				loggedAcls += (int) edge.webAcls().stream().filter(WebAcl::logging).count();
			}
			GlobalEdge global = a.globalEdge(account.id());
			assertThat(b.globalEdge(account.id())).isEqualTo(global);
			distributions += global.distributions().size();
			protectedDistributions += (int) global.distributions()
				.stream()
				.filter(d -> !d.webAclId().isEmpty())
				.count();
			if (global.shield() != null) {
				shield++;
				assertThat(global.shield().protections())
					.allSatisfy(p -> assertThat(p.resourceArn()).contains(account.id()));
			}
		}
		assertThat(arns).hasSize(loadBalancers);
		// about one load balancer per account and region
		assertThat(loadBalancers).isBetween(1_700, 2_300);
		assertThat(internetFacing * 100 / loadBalancers).isBetween(55, 75);
		assertThat(internal).isPositive();
		assertThat(network).isPositive();
		// most internet-facing application load balancers behind a web ACL, a few not
		assertThat(protectedApplications * 100 / publicApplications).isBetween(75, 95);
		assertThat(publicApplications - protectedApplications).isPositive();
		assertThat(loggedAcls).isPositive().isLessThan(acls);
		assertThat(distributions).isBetween(100, 200);
		assertThat(protectedDistributions).isPositive().isLessThan(distributions);
		assertThat(shield).isBetween(5, 40);
	}

	@Test
	void theSimulatorServesTheSyntheticEntryPoints() {
		SyntheticSize size = SyntheticSize.of(40, 20, 0);
		try (Simulator sim = Simulator.start(SimulatorConfig.defaults()
			.withReferenceInstant(SyntheticOrganizationTest.REFERENCE)
			.withThreads(4)
			.withSynthetic(size))) {
			SimulatedOrganization org = sim.organization();
			String mgmt = sim.managementAccountId();
			var credentials = StaticCredentialsProvider
				.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret"));
			var once = ClientOverrideConfiguration.builder()
				.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build())
				.build();
			for (String region : REGIONS) {
				try (ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder()
					.endpointOverride(sim.endpoint())
					.region(Region.of(region))
					.credentialsProvider(credentials)
					.httpClientBuilder(ApacheHttpClient.builder())
					.overrideConfiguration(once)
					.build();
						Wafv2Client waf = Wafv2Client.builder()
							.endpointOverride(sim.endpoint())
							.region(Region.of(region))
							.credentialsProvider(credentials)
							.httpClientBuilder(ApacheHttpClient.builder())
							.overrideConfiguration(once)
							.build()) {
					assertThat(elb.describeLoadBalancersPaginator(r -> r.pageSize(1)).loadBalancers().stream())
						.extracting(lb -> lb.loadBalancerArn())
						.containsExactlyElementsOf(
								org.edge(mgmt, region).loadBalancers().stream().map(LoadBalancer::arn).toList());
					assertThat(waf.listWebACLs(r -> r.scope(Scope.REGIONAL)).webACLs()).extracting(w -> w.arn())
						.containsExactlyElementsOf(org.edge(mgmt, region).webAcls().stream().map(WebAcl::arn).toList());
				}
			}
			try (ShieldClient shield = ShieldClient.builder()
				.endpointOverride(sim.endpoint())
				.region(Region.US_EAST_1)
				.credentialsProvider(credentials)
				.httpClientBuilder(ApacheHttpClient.builder())
				.overrideConfiguration(once)
				.build()) {
				assertThat(shield.getSubscriptionState(r -> {
				}).subscriptionState()).isEqualTo(
						org.globalEdge(mgmt).shield() == null ? SubscriptionState.INACTIVE : SubscriptionState.ACTIVE);
			}
		}
	}

}
