package dev.evident.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.evident.simulator.DemoEdge.PAYMENTS;
import static dev.evident.simulator.DemoEdge.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo organization's load balancers through the real ELBv2 client and its paginators
 * (pages of one), field by field, checked against what EC2 says of their VPCs.
 */
class SimulatorElbTest {

	static Simulator sim;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withReferenceInstant(SimulatorIamStsTest.REFERENCE)
			.withThreads(4));
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@AfterEach
	void reset() {
		Faults.of(sim).reset();
	}

	static AwsCredentialsProvider credentials(String accountId) {
		return accountId.equals(sim.managementAccountId()) ? SdkClients.BASE
				: SdkClients.assume(sim, accountId, "EvidentAuditRole");
	}

	static ElasticLoadBalancingV2Client elb(String accountId, String region) {
		return SdkClients.build(ElasticLoadBalancingV2Client.builder(), sim, credentials(accountId), Region.of(region),
				1);
	}

	@Test
	void theWebAccountHasAPublicAHardenedLegacyAndAnInternalLoadBalancer() {
		try (ElasticLoadBalancingV2Client elb = elb(WEB, "us-east-1");
				Ec2Client ec2 = SdkClients.build(Ec2Client.builder(), sim, credentials(WEB), Region.US_EAST_1, 1)) {
			List<DescribeLoadBalancersResponse> pages = elb.describeLoadBalancersPaginator(r -> r.pageSize(1))
				.stream()
				.toList();
			assertThat(pages).hasSize(3);
			assertThat(pages.get(0).nextMarker()).isNotNull();
			assertThat(pages.get(2).nextMarker()).isNull();
			List<LoadBalancer> lbs = pages.stream().flatMap(p -> p.loadBalancers().stream()).toList();
			assertThat(lbs).extracting(LoadBalancer::loadBalancerName)
				.containsExactly("web-public", "web-legacy", "web-internal");

			Map<String, String> vpcs = new LinkedHashMap<>();
			for (Vpc vpc : ec2.describeVpcs().vpcs()) {
				vpcs.put(vpc.tags().get(0).value(), vpc.vpcId());
			}
			LoadBalancer web = lbs.get(0);
			assertThat(web.loadBalancerArn()).isEqualTo(DemoEdge.WEB_PUBLIC);
			assertThat(web.dnsName()).isEqualTo(DemoEdge.WEB_PUBLIC_DNS);
			assertThat(web.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
			assertThat(web.createdTime()).isBefore(SimulatorIamStsTest.REFERENCE.minusSeconds(599L * 86400));
			assertThat(web.schemeAsString()).isEqualTo("internet-facing");
			assertThat(web.vpcId()).isEqualTo(vpcs.get("web"));
			assertThat(web.state().codeAsString()).isEqualTo("active");
			assertThat(web.typeAsString()).isEqualTo("application");
			assertThat(web.ipAddressTypeAsString()).isEqualTo("ipv4");
			NetworkAcl acl = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("vpc-id").values(web.vpcId())))
				.networkAcls()
				.get(0);
			assertThat(web.availabilityZones()).extracting(z -> z.zoneName(), z -> z.subnetId())
				.containsExactly(tuple("us-east-1a", acl.associations().get(0).subnetId()),
						tuple("us-east-1b", acl.associations().get(1).subnetId()));
			assertThat(web.availabilityZones()).allSatisfy(z -> assertThat(z.loadBalancerAddresses()).isEmpty());
			SecurityGroup defaultGroup = ec2
				.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(web.vpcId()),
						f -> f.name("group-name").values("default")))
				.securityGroups()
				.get(0);
			assertThat(web.securityGroups()).containsExactly(defaultGroup.groupId());

			LoadBalancer legacy = lbs.get(1);
			assertThat(legacy.loadBalancerArn()).isEqualTo(DemoEdge.WEB_LEGACY);
			assertThat(legacy.schemeAsString()).isEqualTo("internet-facing");
			assertThat(legacy.vpcId()).isEqualTo(vpcs.get("web-staging"));
			assertThat(legacy.dnsName()).matches("web-legacy-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");

			LoadBalancer internal = lbs.get(2);
			assertThat(internal.loadBalancerArn()).isEqualTo(DemoEdge.WEB_INTERNAL);
			assertThat(internal.schemeAsString()).isEqualTo("internal");
			assertThat(internal.vpcId()).isEqualTo(vpcs.get("web"));
			assertThat(internal.dnsName()).matches("internal-web-internal-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");
			assertThat(acl.associations()).extracting(NetworkAclAssociation::subnetId)
				.containsExactlyElementsOf(internal.availabilityZones().stream().map(z -> z.subnetId()).toList());
		}
	}

	@Test
	void webListenersRedirectHttpToHttpsOrForwardPlainHttp() {
		try (ElasticLoadBalancingV2Client elb = elb(WEB, "us-east-1")) {
			List<Listener> listeners = elb
				.describeListenersPaginator(r -> r.loadBalancerArn(DemoEdge.WEB_PUBLIC).pageSize(1))
				.listeners()
				.stream()
				.toList();
			assertThat(listeners)
				.extracting(Listener::listenerArn, Listener::loadBalancerArn, Listener::port,
						Listener::protocolAsString, Listener::sslPolicy)
				.containsExactly(
						tuple(DemoEdge.WEB_PUBLIC_HTTPS, DemoEdge.WEB_PUBLIC, 443, "HTTPS",
								"ELBSecurityPolicy-TLS13-1-2-2021-06"),
						tuple(DemoEdge.WEB_PUBLIC_HTTP, DemoEdge.WEB_PUBLIC, 80, "HTTP", null));
			assertThat(listeners.get(0).certificates()).singleElement()
				.satisfies(c -> assertThat(c.certificateArn())
					.matches("arn:aws:acm:us-east-1:555555555555:certificate/[0-9a-f-]{36}"));
			Action forward = listeners.get(0).defaultActions().get(0);
			assertThat(forward.typeAsString()).isEqualTo("forward");
			assertThat(forward.targetGroupArn())
				.matches("arn:aws:elasticloadbalancing:us-east-1:555555555555:targetgroup/web-public-443/[0-9a-f]{16}");
			assertThat(forward.forwardConfig().targetGroups()).singleElement()
				.satisfies(t -> assertThat(t.targetGroupArn()).isEqualTo(forward.targetGroupArn()));
			Action redirect = listeners.get(1).defaultActions().get(0);
			assertThat(redirect.typeAsString()).isEqualTo("redirect");
			assertThat(redirect.targetGroupArn()).isNull();
			assertThat(redirect.redirectConfig().protocol()).isEqualTo("HTTPS");
			assertThat(redirect.redirectConfig().port()).isEqualTo("443");
			assertThat(redirect.redirectConfig().statusCodeAsString()).isEqualTo("HTTP_301");
			assertThat(listeners.get(1).certificates()).isEmpty();

			Listener legacy = single(elb.describeListeners(r -> r.loadBalancerArn(DemoEdge.WEB_LEGACY)).listeners());
			assertThat(legacy.listenerArn()).isEqualTo(DemoEdge.WEB_LEGACY_HTTP);
			assertThat(legacy.port()).isEqualTo(80);
			assertThat(legacy.protocolAsString()).isEqualTo("HTTP");
			assertThat(legacy.sslPolicy()).isNull();
			assertThat(legacy.defaultActions()).extracting(Action::typeAsString).containsExactly("forward");
			assertThat(single(elb.describeListeners(r -> r.loadBalancerArn(DemoEdge.WEB_INTERNAL)).listeners())
				.protocolAsString()).isEqualTo("HTTP");
			assertThat(elb.describeListeners(r -> r.listenerArns(DemoEdge.WEB_PUBLIC_HTTP)).listeners())
				.extracting(Listener::port)
				.containsExactly(80);
		}
	}

	@Test
	void attributesOfEachLoadBalancer() {
		try (ElasticLoadBalancingV2Client elb = elb(WEB, "us-east-1")) {
			assertThat(attributes(elb, DemoEdge.WEB_PUBLIC)).hasSize(19)
				.contains(entry("routing.http.drop_invalid_header_fields.enabled", "true"),
						entry("routing.http.desync_mitigation_mode", "defensive"),
						entry("access_logs.s3.enabled", "true"),
						entry("access_logs.s3.bucket", "web-alb-logs-555555555555"),
						entry("access_logs.s3.prefix", "web-public"), entry("deletion_protection.enabled", "true"),
						entry("idle_timeout.timeout_seconds", "60"), entry("routing.http2.enabled", "true"),
						entry("waf.fail_open.enabled", "false"));
			assertThat(attributes(elb, DemoEdge.WEB_LEGACY)).contains(
					entry("routing.http.drop_invalid_header_fields.enabled", "false"),
					entry("routing.http.desync_mitigation_mode", "monitor"), entry("access_logs.s3.enabled", "false"),
					entry("access_logs.s3.bucket", ""), entry("deletion_protection.enabled", "false"));
			assertThat(attributes(elb, DemoEdge.WEB_INTERNAL)).contains(
					entry("routing.http.drop_invalid_header_fields.enabled", "false"),
					entry("routing.http.desync_mitigation_mode", "defensive"),
					entry("access_logs.s3.enabled", "false"));
		}
		try (ElasticLoadBalancingV2Client elb = elb(PAYMENTS, "us-east-1")) {
			assertThat(attributes(elb, DemoEdge.PAYMENTS_API)).contains(
					entry("routing.http.drop_invalid_header_fields.enabled", "true"),
					entry("routing.http.desync_mitigation_mode", "strictest"), entry("access_logs.s3.enabled", "true"),
					entry("access_logs.s3.bucket", "payments-alb-logs-444444444444"),
					entry("deletion_protection.enabled", "true"));
			assertThat(attributes(elb, DemoEdge.PAYMENTS_NLB)).containsExactly(entry("access_logs.s3.enabled", "false"),
					entry("access_logs.s3.bucket", ""), entry("access_logs.s3.prefix", ""),
					entry("deletion_protection.enabled", "true"), entry("load_balancing.cross_zone.enabled", "false"),
					entry("dns_record.client_routing_policy", "any_availability_zone"),
					entry("zonal_shift.config.enabled", "false"));
		}
	}

	@Test
	void paymentsHasAnHttpsOnlyApiAndANetworkLoadBalancerOnElasticIps() {
		try (ElasticLoadBalancingV2Client elb = elb(PAYMENTS, "us-east-1")) {
			List<LoadBalancer> lbs = elb.describeLoadBalancersPaginator(r -> r.pageSize(1))
				.loadBalancers()
				.stream()
				.toList();
			assertThat(lbs)
				.extracting(LoadBalancer::loadBalancerArn, LoadBalancer::typeAsString, LoadBalancer::schemeAsString)
				.containsExactly(tuple(DemoEdge.PAYMENTS_API, "application", "internet-facing"),
						tuple(DemoEdge.PAYMENTS_NLB, "network", "internet-facing"));
			assertThat(lbs.get(0).securityGroups()).hasSize(1);
			LoadBalancer nlb = lbs.get(1);
			assertThat(nlb.dnsName()).isEqualTo("payments-nlb-ef234da4d676a6d7.elb.us-east-1.amazonaws.com");
			assertThat(nlb.canonicalHostedZoneId()).isEqualTo("Z26RNL4JYFTOTI");
			assertThat(nlb.securityGroups()).isEmpty();
			assertThat(nlb.availabilityZones())
				.extracting(z -> z.zoneName(), z -> z.loadBalancerAddresses().get(0).allocationId())
				.containsExactly(tuple("us-east-1a", DemoEdge.PAYMENTS_NLB_EIP_A),
						tuple("us-east-1b", DemoEdge.PAYMENTS_NLB_EIP_B));
			assertThat(nlb.availabilityZones().get(0).loadBalancerAddresses().get(0).ipAddress())
				.matches("203\\.0\\.113\\.\\d+");

			Listener https = single(elb.describeListeners(r -> r.loadBalancerArn(DemoEdge.PAYMENTS_API)).listeners());
			assertThat(https.listenerArn()).isEqualTo(DemoEdge.PAYMENTS_API_HTTPS);
			assertThat(https.protocolAsString()).isEqualTo("HTTPS");
			assertThat(https.port()).isEqualTo(443);
			assertThat(https.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
			Listener tcp = single(elb.describeListeners(r -> r.loadBalancerArn(DemoEdge.PAYMENTS_NLB)).listeners());
			assertThat(tcp.listenerArn()).isEqualTo(DemoEdge.PAYMENTS_NLB_TCP);
			assertThat(tcp.protocolAsString()).isEqualTo("TCP");
			assertThat(tcp.port()).isEqualTo(443);
			assertThat(tcp.sslPolicy()).isNull();
			assertThat(tcp.defaultActions()).extracting(Action::typeAsString).containsExactly("forward");
		}
	}

	@Test
	void selectByNameOrArnAndRefuseWhatDoesNotExist() {
		try (ElasticLoadBalancingV2Client elb = elb(WEB, "us-east-1")) {
			assertThat(elb.describeLoadBalancers(r -> r.names("web-internal", "web-public")).loadBalancers())
				.extracting(LoadBalancer::loadBalancerName)
				.containsExactly("web-public", "web-internal");
			assertThat(elb.describeLoadBalancers(r -> r.loadBalancerArns(DemoEdge.WEB_LEGACY)).loadBalancers())
				.extracting(LoadBalancer::loadBalancerName)
				.containsExactly("web-legacy");

			assertError(() -> elb.describeLoadBalancers(r -> r.names("web-public", "nowhere")),
					LoadBalancerNotFoundException.class, "LoadBalancerNotFound",
					"Load balancers '[nowhere]' not found");
			assertError(() -> elb.describeLoadBalancers(r -> r.loadBalancerArns(DemoEdge.PAYMENTS_API)),
					LoadBalancerNotFoundException.class, "LoadBalancerNotFound",
					"One or more load balancers not found");
			assertError(() -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(DemoEdge.PAYMENTS_API)),
					LoadBalancerNotFoundException.class, "LoadBalancerNotFound",
					"Load balancer '" + DemoEdge.PAYMENTS_API + "' not found");
			assertError(() -> elb.describeListeners(r -> r.loadBalancerArn(DemoEdge.PAYMENTS_NLB)),
					LoadBalancerNotFoundException.class, "LoadBalancerNotFound", null);
			assertError(() -> elb.describeListeners(r -> r.listenerArns(DemoEdge.PAYMENTS_NLB_TCP)),
					ListenerNotFoundException.class, "ListenerNotFound", "One or more listeners not found");
			assertError(() -> elb.describeListeners(r -> r.pageSize(5)), ElasticLoadBalancingV2Exception.class,
					"ValidationError", "You must specify either listener ARNs or a load balancer ARN");
			assertError(
					() -> elb.describeLoadBalancers(r -> r.names("web-public").loadBalancerArns(DemoEdge.WEB_PUBLIC)),
					ElasticLoadBalancingV2Exception.class, "ValidationError",
					"Load balancer names and load balancer ARNs cannot be specified at the same time");
			for (int size : new int[] { 0, 401 }) {
				assertError(() -> elb.describeLoadBalancers(r -> r.pageSize(size)),
						ElasticLoadBalancingV2Exception.class, "ValidationError", null);
			}
			assertError(() -> elb.describeLoadBalancers(r -> r.marker("not-a-marker")),
					ElasticLoadBalancingV2Exception.class, "ValidationError", "Invalid pagination token");
		}
	}

	@Test
	void otherAccountsAndRegionsHaveNoLoadBalancers() {
		for (String[] at : new String[][] { { "111111111111", "us-east-1" }, { WEB, "eu-west-1" },
				{ PAYMENTS, "eu-west-1" }, { "666666666666", "ap-northeast-1" }, { "222222222222", "us-east-1" } }) {
			try (ElasticLoadBalancingV2Client elb = elb(at[0], at[1])) {
				assertThat(elb.describeLoadBalancersPaginator(r -> r.pageSize(1)).loadBalancers())
					.as(at[0] + " " + at[1])
					.isEmpty();
			}
		}
	}

	@Test
	void aRegionTheAccountDidNotOptInToRefusesTheCredentials() {
		for (String account : List.of(WEB, "111111111111")) {
			try (ElasticLoadBalancingV2Client elb = elb(account, "ap-east-1")) {
				ElasticLoadBalancingV2Exception e = catchThrowableOfType(ElasticLoadBalancingV2Exception.class,
						elb::describeLoadBalancers);
				assertThat(e.statusCode()).isEqualTo(403);
				assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
				assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(DemoEdge.TOKEN_INVALID);
			}
		}
	}

	@Test
	void faultsReachElbAsTheyReachEveryService() {
		try (ElasticLoadBalancingV2Client elb = elb(WEB, "us-east-1")) {
			Faults.of(sim).throttleRate(1.0, 7);
			ElasticLoadBalancingV2Exception throttled = catchThrowableOfType(ElasticLoadBalancingV2Exception.class,
					elb::describeLoadBalancers);
			assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("Throttling");
			assertThat(throttled.isThrottlingException()).isTrue();
			Faults.of(sim).reset().failOperation("elasticloadbalancing:DescribeListeners", 0, 503);
			assertThat(catchThrowableOfType(ElasticLoadBalancingV2Exception.class,
					() -> elb.describeListeners(r -> r.loadBalancerArn(DemoEdge.WEB_PUBLIC)))
				.statusCode()).isEqualTo(503);
			assertThat(elb.describeLoadBalancers().loadBalancers()).hasSize(3);
			Faults.of(sim).reset().failOperation("elasticloadbalancing:DescribeLoadBalancers", 0, 500);
			assertThat(catchThrowableOfType(ElasticLoadBalancingV2Exception.class, elb::describeLoadBalancers)
				.statusCode()).isEqualTo(500);
			Faults.of(sim).reset().pageSizeLimit(2);
			assertThat(elb.describeLoadBalancersPaginator().stream()).hasSize(2);
			Faults.of(sim).reset().expireCredentialsAfterCalls(0);
			assertThat(catchThrowableOfType(ElasticLoadBalancingV2Exception.class, elb::describeLoadBalancers)
				.awsErrorDetails()
				.errorCode()).isEqualTo("ExpiredTokenException");
		}
	}

	private static Map<String, String> attributes(ElasticLoadBalancingV2Client elb, String arn) {
		Map<String, String> out = new LinkedHashMap<>();
		for (LoadBalancerAttribute a : elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn)).attributes()) {
			out.put(a.key(), a.value());
		}
		return out;
	}

	private static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private static void assertError(Runnable call, Class<? extends ElasticLoadBalancingV2Exception> type, String code,
			String message) {
		ElasticLoadBalancingV2Exception e = catchThrowableOfType(ElasticLoadBalancingV2Exception.class, call::run);
		assertThat(e).as("an ELBv2 error").isInstanceOf(type);
		assertThat(e.statusCode()).isEqualTo(400);
		assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
		if (message != null) {
			assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
		}
	}

}
