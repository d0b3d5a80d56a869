package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import dev.evident.control.Status;
import dev.evident.edge.EntryPoints.Distribution;

import org.junit.jupiter.api.Test;

import static dev.evident.control.checks.CheckFixture.acl;
import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.alb;
import static dev.evident.control.checks.CheckFixture.https;
import static dev.evident.control.checks.CheckFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;

class WafEntryPointsProtectedTest {

	static final String WEB = "555555555555";

	CheckFixture store = new CheckFixture();

	WafEntryPointsProtected check = new WafEntryPointsProtected(store.jdbc);

	@Test
	void onlyARealAssociationWithALoggingAclThatHasRulesCounts() {
		var protectedLb = alb("web-public", "internet-facing", true, "defensive", true, https());
		var bare = alb("web-legacy", "internet-facing", false, "monitor", false);
		var internal = alb("web-internal", "internal", true, "defensive", true);
		var quiet = alb("web-quiet", "internet-facing", true, "defensive", true);
		store.edge().loadBalancers(CheckFixture.RUN, WEB, "us-east-1", List.of(protectedLb, bare, internal, quiet));
		store.edge()
			.webAcls(CheckFixture.RUN, WEB, "us-east-1",
					List.of(acl("web-protection", "REGIONAL", 2, 1, true, protectedLb.arn()),
							acl("unused-acl", "REGIONAL", 1, 0, false),
							acl("no-logs", "REGIONAL", 1, 0, false, quiet.arn())));

		var results = check.evaluate(store.context(Map.of(), active(WEB)));

		// ordered by region and name: web-legacy, web-public, web-quiet; web-internal not
		// counted
		assertThat(results).extracting(r -> r.status()).containsExactly(Status.FAIL, Status.PASS, Status.FAIL);
		assertThat(results.get(0).reason())
			.isEqualTo("Internet-facing load balancer web-legacy (us-east-1, account 555555555555) is associated "
					+ "with no web ACL.");
		assertThat(results.get(1).reason()).startsWith("Internet-facing load balancer web-public (us-east-1, "
				+ "account 555555555555) is behind web ACL web-protection (2 rules, logging to arn:aws:logs:");
		assertThat(results.get(2).reason()).endsWith("is behind web ACL no-logs, which does not log.");
	}

	@Test
	void aDistributionIsJudgedByTheAclItNames() {
		var edge = acl("edge-protection", "CLOUDFRONT", 1, 1, true);
		store.edge().webAcls(CheckFixture.RUN, WEB, "us-east-1", List.of(edge));
		store.edge()
			.distributions(CheckFixture.RUN, WEB,
					List.of(new Distribution("E1", "arn:cf:E1", "d1.cloudfront.net", true, edge.arn(),
							"redirect-to-https"),
							new Distribution("E2", "arn:cf:E2", "d2.cloudfront.net", true, "", "allow-all")));

		var results = check.evaluate(store.context(Map.of(), active(WEB)));

		assertThat(results).extracting(r -> r.resource()).containsExactly("arn:cf:E1", "arn:cf:E2");
		assertThat(results).extracting(r -> r.status()).containsExactly(Status.PASS, Status.FAIL);
		assertThat(results.get(1).reason()).isEqualTo(
				"CloudFront distribution E2 (d2.cloudfront.net, account 555555555555) is associated with no web ACL.");
	}

	@Test
	void aRefusedSourceHasNoEvidenceAndAnAccountWithoutEntryPointsIsNotApplicable() {
		var lb = alb("api", "internet-facing", true, "defensive", true, https());
		store.edge().loadBalancers(CheckFixture.RUN, "444444444444", "eu-west-1", List.of(lb));
		store.gap("444444444444", "wafv2:eu-west-1");
		store.gap("777777777777", "account");

		var results = check.evaluate(store.context(Map.of(), active("444444444444"), active("333333333333"),
				active("777777777777"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.NO_EVIDENCE, Status.NOT_APPLICABLE, Status.NO_EVIDENCE, Status.NOT_APPLICABLE);
		assertThat(results.get(0).reason()).isEqualTo("Internet-facing load balancer api (eu-west-1, account "
				+ "444444444444): its web ACLs could not be collected (wafv2:eu-west-1 (AccessDenied)).");
		assertThat(results.get(1).reason()).isEqualTo(
				"Account 333333333333 has no internet-facing application load balancer and no CloudFront distribution.");
	}

}
