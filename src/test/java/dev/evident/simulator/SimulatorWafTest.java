package dev.evident.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.LoggingConfiguration;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WafInvalidParameterException;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;
import software.amazon.awssdk.services.wafv2.model.Wafv2Exception;

import java.util.ArrayList;
import java.util.List;

import static dev.evident.simulator.DemoEdge.PAYMENTS;
import static dev.evident.simulator.DemoEdge.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo organization's web ACLs through the real WAFv2 client, field by field:
 * REGIONAL ones with their load balancers, the CLOUDFRONT one in us-east-1 only, logging
 * configurations, and WAF's own errors.
 */
class SimulatorWafTest {

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

	static Wafv2Client waf(String accountId, String region) {
		var credentials = accountId.equals(sim.managementAccountId()) ? SdkClients.BASE
				: SdkClients.assume(sim, accountId, "EvidentAuditRole");
		return SdkClients.build(Wafv2Client.builder(), sim, credentials, Region.of(region), 1);
	}

	@Test
	void listWebAclsPagesThroughTheRegionalAcls() {
		try (Wafv2Client waf = waf(WEB, "us-east-1")) {
			List<WebACLSummary> acls = new ArrayList<>();
			String marker = null;
			int pages = 0;
			do {
				String from = marker;
				ListWebAcLsResponse page = waf.listWebACLs(r -> r.scope(Scope.REGIONAL).limit(1).nextMarker(from));
				acls.addAll(page.webACLs());
				marker = page.nextMarker();
				pages++;
			}
			while (marker != null);
			assertThat(pages).isEqualTo(2);
			assertThat(acls)
				.extracting(WebACLSummary::name, WebACLSummary::id, WebACLSummary::arn, WebACLSummary::description)
				.containsExactly(
						tuple("web-protection", DemoEdge.WEB_PROTECTION_ID, DemoEdge.WEB_PROTECTION,
								"Rate limiting and common protections"),
						tuple("unused-acl", DemoEdge.UNUSED_ACL_ID, DemoEdge.UNUSED_ACL, "Left over from a migration"));
			assertThat(acls)
				.allSatisfy(a -> assertThat(a.lockToken()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));
			assertThat(waf.listWebACLs(r -> r.scope(Scope.CLOUDFRONT)).webACLs()).extracting(WebACLSummary::arn)
				.containsExactly(DemoEdge.EDGE_PROTECTION);
		}
	}

	@Test
	void webProtectionRateLimitsAndRunsTheCommonRuleSetOnWebPublicWithLogging() {
		try (Wafv2Client waf = waf(WEB, "us-east-1")) {
			GetWebAclResponse response = waf
				.getWebACL(r -> r.name("web-protection").scope(Scope.REGIONAL).id(DemoEdge.WEB_PROTECTION_ID));
			WebACL acl = response.webACL();
			assertThat(response.lockToken()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
			assertThat(acl.name()).isEqualTo("web-protection");
			assertThat(acl.id()).isEqualTo(DemoEdge.WEB_PROTECTION_ID);
			assertThat(acl.arn()).isEqualTo(DemoEdge.WEB_PROTECTION);
			assertThat(acl.defaultAction().allow()).isNotNull();
			assertThat(acl.defaultAction().block()).isNull();
			assertThat(acl.visibilityConfig().metricName()).isEqualTo("web-protection");
			assertThat(acl.visibilityConfig().cloudWatchMetricsEnabled()).isTrue();
			assertThat(acl.visibilityConfig().sampledRequestsEnabled()).isTrue();
			assertThat(acl.capacity()).isEqualTo(702L);
			assertThat(acl.managedByFirewallManager()).isFalse();
			assertThat(acl.labelNamespace()).isEqualTo("awswaf:555555555555:webacl:web-protection:");
			assertThat(acl.rules()).extracting(Rule::name, Rule::priority)
				.containsExactly(tuple("rate-limit-per-ip", 0), tuple("aws-common", 1));
			Rule rate = acl.rules().get(0);
			assertThat(rate.statement().rateBasedStatement().limit()).isEqualTo(2000L);
			assertThat(rate.statement().rateBasedStatement().aggregateKeyTypeAsString()).isEqualTo("IP");
			assertThat(rate.statement().rateBasedStatement().evaluationWindowSec()).isEqualTo(300L);
			assertThat(rate.statement().managedRuleGroupStatement()).isNull();
			assertThat(rate.action().block()).isNotNull();
			assertThat(rate.overrideAction()).isNull();
			assertThat(rate.visibilityConfig().metricName()).isEqualTo("rate-limit-per-ip");
			Rule managed = acl.rules().get(1);
			assertThat(managed.statement().managedRuleGroupStatement().vendorName()).isEqualTo("AWS");
			assertThat(managed.statement().managedRuleGroupStatement().name())
				.isEqualTo("AWSManagedRulesCommonRuleSet");
			assertThat(managed.statement().rateBasedStatement()).isNull();
			assertThat(managed.overrideAction().none()).isNotNull();
			assertThat(managed.action()).isNull();

			assertThat(waf.getWebACL(r -> r.arn(DemoEdge.WEB_PROTECTION)).webACL()).isEqualTo(acl);
			assertThat(waf.listResourcesForWebACL(r -> r.webACLArn(DemoEdge.WEB_PROTECTION)).resourceArns())
				.containsExactly(DemoEdge.WEB_PUBLIC);
			assertThat(waf
				.listResourcesForWebACL(
						r -> r.webACLArn(DemoEdge.WEB_PROTECTION).resourceType("APPLICATION_LOAD_BALANCER"))
				.resourceArns()).containsExactly(DemoEdge.WEB_PUBLIC);
			assertThat(waf.listResourcesForWebACL(r -> r.webACLArn(DemoEdge.WEB_PROTECTION).resourceType("API_GATEWAY"))
				.resourceArns()).isEmpty();
			LoggingConfiguration logging = waf.getLoggingConfiguration(r -> r.resourceArn(DemoEdge.WEB_PROTECTION))
				.loggingConfiguration();
			assertThat(logging.resourceArn()).isEqualTo(DemoEdge.WEB_PROTECTION);
			assertThat(logging.logDestinationConfigs())
				.containsExactly("arn:aws:firehose:us-east-1:555555555555:deliverystream/aws-waf-logs-web-protection");
			assertThat(logging.logTypeAsString()).isEqualTo("WAF_LOGS");
			assertThat(logging.logScopeAsString()).isEqualTo("CUSTOMER");
			assertThat(logging.managedByFirewallManager()).isFalse();
		}
	}

	@Test
	void theUnusedAclProtectsNothingAndLogsNothing() {
		try (Wafv2Client waf = waf(WEB, "us-east-1")) {
			WebACL acl = waf.getWebACL(r -> r.arn(DemoEdge.UNUSED_ACL)).webACL();
			assertThat(acl.rules()).singleElement().satisfies(rule -> {
				assertThat(rule.name()).isEqualTo("aws-bad-inputs");
				assertThat(rule.statement().managedRuleGroupStatement().name())
					.isEqualTo("AWSManagedRulesKnownBadInputsRuleSet");
			});
			assertThat(waf.listResourcesForWebACL(r -> r.webACLArn(DemoEdge.UNUSED_ACL)).resourceArns()).isEmpty();
			WafNonexistentItemException none = catchThrowableOfType(WafNonexistentItemException.class,
					() -> waf.getLoggingConfiguration(r -> r.resourceArn(DemoEdge.UNUSED_ACL)));
			assertThat(none.statusCode()).isEqualTo(400);
			assertThat(none.awsErrorDetails().errorCode()).isEqualTo("WAFNonexistentItemException");
		}
	}

	@Test
	void theCloudFrontAclIsReadInUsEast1AndAssociatedThroughTheDistribution() {
		try (Wafv2Client waf = waf(WEB, "us-east-1")) {
			WebACL acl = waf
				.getWebACL(r -> r.name("edge-protection").scope(Scope.CLOUDFRONT).id(DemoEdge.EDGE_PROTECTION_ID))
				.webACL();
			assertThat(acl.arn()).isEqualTo(DemoEdge.EDGE_PROTECTION);
			assertThat(acl.rules()).singleElement()
				.satisfies(r -> assertThat(r.statement().rateBasedStatement().limit()).isEqualTo(1000L));
			assertThat(waf.getLoggingConfiguration(r -> r.resourceArn(DemoEdge.EDGE_PROTECTION))
				.loggingConfiguration()
				.logDestinationConfigs())
				.containsExactly("arn:aws:logs:us-east-1:555555555555:log-group:aws-waf-logs-edge-protection");
			// a CLOUDFRONT web ACL's associations are the distributions' WebACLId
			WafInvalidParameterException global = catchThrowableOfType(WafInvalidParameterException.class,
					() -> waf.listResourcesForWebACL(r -> r.webACLArn(DemoEdge.EDGE_PROTECTION)));
			assertThat(global.fieldAsString()).isEqualTo("RESOURCE_ARN");
			assertThat(global.parameter()).isEqualTo(DemoEdge.EDGE_PROTECTION);
			assertThat(global.awsErrorDetails().errorMessage()).startsWith("Error reason: The ARN isn't valid.");
		}
		try (Wafv2Client waf = waf(WEB, "eu-west-1")) {
			WafInvalidParameterException scope = catchThrowableOfType(WafInvalidParameterException.class,
					() -> waf.listWebACLs(r -> r.scope(Scope.CLOUDFRONT)));
			assertThat(scope.statusCode()).isEqualTo(400);
			assertThat(scope.awsErrorDetails().errorMessage())
				.isEqualTo("Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: CLOUDFRONT");
			assertThat(scope.fieldAsString()).isEqualTo("SCOPE_VALUE");
			assertThat(scope.parameter()).isEqualTo("CLOUDFRONT");
			assertThat(scope.reason()).isEqualTo("The scope is not valid.");
			assertThat(waf.listWebACLs(r -> r.scope(Scope.REGIONAL)).webACLs()).isEmpty();
			// a us-east-1 web ACL does not exist in eu-west-1
			assertThat(catchThrowableOfType(WafNonexistentItemException.class,
					() -> waf.getWebACL(r -> r.arn(DemoEdge.WEB_PROTECTION))))
				.isNotNull();
		}
	}

	@Test
	void paymentsWafProtectsTheApiAndLogsToS3() {
		try (Wafv2Client waf = waf(PAYMENTS, "us-east-1")) {
			assertThat(waf.listWebACLs(r -> r.scope(Scope.REGIONAL)).webACLs()).extracting(WebACLSummary::arn)
				.containsExactly(DemoEdge.PAYMENTS_WAF);
			WebACL acl = waf.getWebACL(r -> r.arn(DemoEdge.PAYMENTS_WAF)).webACL();
			assertThat(acl.rules()).extracting(Rule::name)
				.containsExactly("rate-limit-per-ip", "aws-common", "aws-sqli");
			assertThat(acl.rules().get(0).statement().rateBasedStatement().limit()).isEqualTo(500L);
			assertThat(waf.listResourcesForWebACL(r -> r.webACLArn(DemoEdge.PAYMENTS_WAF)).resourceArns())
				.containsExactly(DemoEdge.PAYMENTS_API);
			assertThat(waf.getLoggingConfiguration(r -> r.resourceArn(DemoEdge.PAYMENTS_WAF))
				.loggingConfiguration()
				.logDestinationConfigs()).containsExactly("arn:aws:s3:::aws-waf-logs-payments-waf-444444444444");
			assertThat(waf.listWebACLs(r -> r.scope(Scope.CLOUDFRONT)).webACLs()).isEmpty();
			// another account's web ACL does not exist here
			assertThat(catchThrowableOfType(WafNonexistentItemException.class,
					() -> waf.getWebACL(r -> r.arn(DemoEdge.WEB_PROTECTION))))
				.isNotNull();
		}
	}

	@Test
	void wafsOwnErrors() {
		try (Wafv2Client waf = waf(WEB, "us-east-1")) {
			assertThat(catchThrowableOfType(WafNonexistentItemException.class,
					() -> waf
						.getWebACL(r -> r.name("web-protection").scope(Scope.REGIONAL).id(DemoEdge.UNUSED_ACL_ID))))
				.isNotNull();
			WafInvalidParameterException arn = catchThrowableOfType(WafInvalidParameterException.class,
					() -> waf.getLoggingConfiguration(r -> r.resourceArn("arn:aws:s3:::not-a-web-acl")));
			assertThat(arn.fieldAsString()).isEqualTo("RESOURCE_ARN");
			Wafv2Exception missing = catchThrowableOfType(Wafv2Exception.class, () -> waf.listWebACLs(r -> r.limit(5)));
			assertThat(missing.statusCode()).isEqualTo(400);
			assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
			assertThat(catchThrowableOfType(WafInvalidParameterException.class,
					() -> waf.listWebACLs(r -> r.scope(Scope.REGIONAL).limit(101))))
				.isNotNull();
			assertThat(catchThrowableOfType(WafInvalidParameterException.class,
					() -> waf.listWebACLs(r -> r.scope(Scope.REGIONAL).nextMarker("not-a-marker"))))
				.isNotNull();
		}
	}

	@Test
	void otherAccountsHaveNoWebAcls() {
		for (String account : List.of("111111111111", "222222222222", "666666666666")) {
			try (Wafv2Client waf = waf(account, "us-east-1")) {
				assertThat(waf.listWebACLs(r -> r.scope(Scope.REGIONAL)).webACLs()).isEmpty();
				assertThat(waf.listWebACLs(r -> r.scope(Scope.CLOUDFRONT)).webACLs()).isEmpty();
			}
		}
	}

	@Test
	void aRegionTheAccountDidNotOptInToRefusesTheCredentials() {
		try (Wafv2Client waf = waf(WEB, "ap-east-1")) {
			Wafv2Exception e = catchThrowableOfType(Wafv2Exception.class,
					() -> waf.listWebACLs(r -> r.scope(Scope.REGIONAL)));
			assertThat(e.statusCode()).isEqualTo(400);
			assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
			assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(DemoEdge.TOKEN_INVALID);
		}
	}

	@Test
	void faultsReachWafAsTheyReachEveryService() {
		try (Wafv2Client waf = waf(PAYMENTS, "us-east-1")) {
			Faults.of(sim).throttleRate(1.0, 7);
			Wafv2Exception throttled = catchThrowableOfType(Wafv2Exception.class,
					() -> waf.listWebACLs(r -> r.scope(Scope.REGIONAL)));
			assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
			assertThat(throttled.isThrottlingException()).isTrue();
			Faults.of(sim).reset().failOperation("wafv2:GetWebACL", 0, 500);
			Wafv2Exception failed = catchThrowableOfType(Wafv2Exception.class,
					() -> waf.getWebACL(r -> r.arn(DemoEdge.PAYMENTS_WAF)));
			assertThat(failed.statusCode()).isEqualTo(500);
			assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("WAFInternalErrorException");
			Faults.of(sim).reset().expireCredentialsAfterCalls(0);
			assertThat(catchThrowableOfType(Wafv2Exception.class, () -> waf.listWebACLs(r -> r.scope(Scope.REGIONAL)))
				.awsErrorDetails()
				.errorCode()).isEqualTo("ExpiredTokenException");
		}
	}

}
