package dev.evident.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.evident.simulator.AwsCli.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent client: the real AWS CLI (botocore, not the Java SDK) reads the demo web
 * account's load balancers and web ACLs from the simulator and finds what
 * {@link SimulatorElbTest} and {@link SimulatorWafTest} find. Fails when {@code aws} is
 * not installed.
 */
class AwsCliEdgeIT {

	static Simulator sim;

	static AwsCli cli;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults().withReferenceInstant(SimulatorIamStsTest.REFERENCE));
		cli = new AwsCli(sim, SdkClients.assume(sim, DemoEdge.WEB, "EvidentAuditRole").resolveCredentials(),
				"AwsCliEdgeIT");
	}

	@AfterAll
	static void stop() {
		if (sim != null) {
			sim.close();
		}
	}

	/**
	 * Every page of {@code aws elbv2 <command> --page-size 1}, following NextMarker by
	 * hand: the CLI takes {@code --page-size} for the service's own PageSize and then
	 * does not paginate by itself.
	 */
	static List<JsonNode> pagesOfOne(String key, String... command) throws Exception {
		List<JsonNode> items = new ArrayList<>();
		String marker = null;
		do {
			List<String> args = new ArrayList<>(List.of(command));
			args.addAll(List.of("--page-size", "1"));
			if (marker != null) {
				args.addAll(List.of("--marker", marker));
			}
			JsonNode page = cli.json("us-east-1", "elbv2", args.toArray(String[]::new));
			assertThat(page.get(key)).hasSize(1);
			page.get(key).forEach(items::add);
			marker = page.has("NextMarker") ? page.get("NextMarker").asText() : null;
		}
		while (marker != null);
		return items;
	}

	@Test
	void describeLoadBalancersInPagesOfOne() throws Exception {
		List<JsonNode> lbs = pagesOfOne("LoadBalancers", "describe-load-balancers");
		List<String> names = new ArrayList<>();
		lbs.forEach(lb -> names.add(lb.get("LoadBalancerName").asText()));
		assertThat(names).containsExactly("web-public", "web-legacy", "web-internal");
		JsonNode web = lbs.get(0);
		assertThat(web.get("LoadBalancerArn").asText()).isEqualTo(DemoEdge.WEB_PUBLIC);
		assertThat(web.get("DNSName").asText()).isEqualTo(DemoEdge.WEB_PUBLIC_DNS);
		assertThat(web.get("CanonicalHostedZoneId").asText()).isEqualTo("Z35SXDOTRQ7X7K");
		assertThat(web.get("Scheme").asText()).isEqualTo("internet-facing");
		assertThat(web.get("Type").asText()).isEqualTo("application");
		assertThat(web.get("State").get("Code").asText()).isEqualTo("active");
		assertThat(web.get("VpcId").asText()).matches("vpc-[0-9a-f]{17}");
		assertThat(web.get("CreatedTime").asText())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|\\+00:00)");
		assertThat(web.get("AvailabilityZones")).extracting(z -> z.get("ZoneName").asText())
			.containsExactly("us-east-1a", "us-east-1b");
		assertThat(single(web.get("SecurityGroups")).asText()).matches("sg-[0-9a-f]{17}");
		assertThat(web.get("IpAddressType").asText()).isEqualTo("ipv4");
		assertThat(lbs.get(1).get("LoadBalancerArn").asText()).isEqualTo(DemoEdge.WEB_LEGACY);
		assertThat(lbs.get(2).get("Scheme").asText()).isEqualTo("internal");
	}

	@Test
	void listenersAndAttributes() throws Exception {
		List<JsonNode> listeners = pagesOfOne("Listeners", "describe-listeners", "--load-balancer-arn",
				DemoEdge.WEB_PUBLIC);
		assertThat(listeners).hasSize(2);
		assertThat(listeners.get(0).get("ListenerArn").asText()).isEqualTo(DemoEdge.WEB_PUBLIC_HTTPS);
		assertThat(listeners.get(0).get("Protocol").asText()).isEqualTo("HTTPS");
		assertThat(listeners.get(0).get("Port").asInt()).isEqualTo(443);
		assertThat(listeners.get(0).get("SslPolicy").asText()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
		JsonNode redirect = single(listeners.get(1).get("DefaultActions"));
		assertThat(redirect.get("Type").asText()).isEqualTo("redirect");
		assertThat(redirect.get("RedirectConfig").get("Protocol").asText()).isEqualTo("HTTPS");
		assertThat(redirect.get("RedirectConfig").get("Port").asText()).isEqualTo("443");
		assertThat(redirect.get("RedirectConfig").get("StatusCode").asText()).isEqualTo("HTTP_301");

		Map<String, String> attributes = new LinkedHashMap<>();
		cli.json("us-east-1", "elbv2", "describe-load-balancer-attributes", "--load-balancer-arn", DemoEdge.WEB_LEGACY)
			.get("Attributes")
			.forEach(a -> attributes.put(a.get("Key").asText(), a.get("Value").asText()));
		assertThat(attributes).containsEntry("routing.http.drop_invalid_header_fields.enabled", "false")
			.containsEntry("routing.http.desync_mitigation_mode", "monitor")
			.containsEntry("access_logs.s3.enabled", "false");
	}

	@Test
	void listAndGetWebAcls() throws Exception {
		JsonNode acls = cli.json("us-east-1", "wafv2", "list-web-acls", "--scope", "REGIONAL").get("WebACLs");
		assertThat(acls).hasSize(2);
		assertThat(acls.get(0).get("Name").asText()).isEqualTo("web-protection");
		assertThat(acls.get(0).get("Id").asText()).isEqualTo(DemoEdge.WEB_PROTECTION_ID);
		assertThat(acls.get(0).get("ARN").asText()).isEqualTo(DemoEdge.WEB_PROTECTION);
		assertThat(acls.get(1).get("ARN").asText()).isEqualTo(DemoEdge.UNUSED_ACL);

		JsonNode response = cli.json("us-east-1", "wafv2", "get-web-acl", "--name", "web-protection", "--scope",
				"REGIONAL", "--id", DemoEdge.WEB_PROTECTION_ID);
		assertThat(response.get("LockToken").asText()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
		JsonNode acl = response.get("WebACL");
		assertThat(acl.get("ARN").asText()).isEqualTo(DemoEdge.WEB_PROTECTION);
		assertThat(acl.get("DefaultAction").has("Allow")).isTrue();
		assertThat(acl.get("VisibilityConfig").get("MetricName").asText()).isEqualTo("web-protection");
		JsonNode rules = acl.get("Rules");
		assertThat(rules).hasSize(2);
		JsonNode rate = rules.get(0).get("Statement").get("RateBasedStatement");
		assertThat(rate.get("Limit").asLong()).isEqualTo(2000);
		assertThat(rate.get("AggregateKeyType").asText()).isEqualTo("IP");
		assertThat(rules.get(0).get("Action").has("Block")).isTrue();
		JsonNode managed = rules.get(1).get("Statement").get("ManagedRuleGroupStatement");
		assertThat(managed.get("VendorName").asText()).isEqualTo("AWS");
		assertThat(managed.get("Name").asText()).isEqualTo("AWSManagedRulesCommonRuleSet");

		assertThat(
				cli.json("us-east-1", "wafv2", "list-resources-for-web-acl", "--web-acl-arn", DemoEdge.WEB_PROTECTION)
					.get("ResourceArns"))
			.extracting(JsonNode::asText)
			.containsExactly(DemoEdge.WEB_PUBLIC);
	}

	@Test
	void aRegionNotOptedInToRefusesTheCredentials() throws Exception {
		AwsCli.Result elb = cli.run("ap-east-1", "elbv2", "describe-load-balancers");
		assertThat(elb.exit()).as(elb.stderr()).isNotZero();
		assertThat(elb.stderr()).contains("InvalidClientTokenId").contains(DemoEdge.TOKEN_INVALID);
		AwsCli.Result waf = cli.run("ap-east-1", "wafv2", "list-web-acls", "--scope", "REGIONAL");
		assertThat(waf.exit()).as(waf.stderr()).isNotZero();
		assertThat(waf.stderr()).contains("UnrecognizedClientException").contains(DemoEdge.TOKEN_INVALID);
		AwsCli.Result scope = cli.run("eu-west-1", "wafv2", "list-web-acls", "--scope", "CLOUDFRONT");
		assertThat(scope.stderr()).contains("WAFInvalidParameterException")
			.contains("Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: CLOUDFRONT");
	}

}
