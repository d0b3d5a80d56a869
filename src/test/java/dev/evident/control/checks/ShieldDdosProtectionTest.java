package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import dev.evident.control.Status;
import dev.evident.edge.EntryPoints.Protection;
import dev.evident.edge.EntryPoints.Shield;

import org.junit.jupiter.api.Test;

import static dev.evident.control.checks.CheckFixture.acl;
import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.alb;
import static dev.evident.control.checks.CheckFixture.https;
import static dev.evident.control.checks.CheckFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShieldDdosProtectionTest {

	CheckFixture store = new CheckFixture();

	ShieldDdosProtection check = new ShieldDdosProtection(store.jdbc);

	@Test
	void requiredAsksForAnActiveRenewingSubscriptionProtectingEveryEntryPoint() {
		var api = alb("payments-api", "internet-facing", true, "defensive", true, https());
		var web = alb("web-public", "internet-facing", true, "defensive", true, https());
		var legacy = alb("web-legacy", "internet-facing", true, "defensive", true, https());
		store.edge().loadBalancers(CheckFixture.RUN, "444444444444", "us-east-1", List.of(api));
		store.edge()
			.shield(CheckFixture.RUN, "444444444444", new Shield("ACTIVE", "ENABLED", "ENABLED", "arn:role",
					List.of(new Protection("p1", "api", api.arn()))));
		store.edge().loadBalancers(CheckFixture.RUN, "555555555555", "us-east-1", List.of(web, legacy));
		store.edge()
			.shield(CheckFixture.RUN, "555555555555",
					new Shield("ACTIVE", "DISABLED", null, null, List.of(new Protection("p2", "web", web.arn()))));
		store.edge().shield(CheckFixture.RUN, "333333333333", new Shield("INACTIVE", null, null, null, List.of()));

		var results = check.evaluate(store.context(Map.of("shield_advanced", "required"), active("444444444444"),
				active("555555555555"), active("333333333333"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.PASS, Status.FAIL, Status.FAIL, Status.NOT_APPLICABLE);
		assertThat(results.get(1).reason()).isEqualTo("Account 555555555555 has Shield Advanced, but the "
				+ "subscription does not renew itself; no protection on load balancer web-legacy. "
				+ ShieldDdosProtection.AWS_PART);
		assertThat(results.get(2).reason()).startsWith("Account 333333333333 has no active Shield Advanced");
	}

	@Test
	void optionalAsksForARateBasedRuleInFrontOfEveryApplicationEntryPoint() {
		var limited = alb("web-public", "internet-facing", true, "defensive", true, https());
		var open = alb("web-legacy", "internet-facing", true, "defensive", true, https());
		store.edge().loadBalancers(CheckFixture.RUN, "555555555555", "us-east-1", List.of(limited, open));
		store.edge()
			.webAcls(CheckFixture.RUN, "555555555555", "us-east-1",
					List.of(acl("web-protection", "REGIONAL", 2, 1, true, limited.arn()),
							acl("rules-only", "REGIONAL", 1, 0, true, open.arn())));

		var results = check.evaluate(
				store.context(Map.of("shield_advanced", "optional"), active("555555555555"), active("333333333333")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.FAIL, Status.NOT_APPLICABLE);
		assertThat(results.get(0).reason()).isEqualTo("Account 555555555555: no rate-based rule in front of "
				+ "load balancer web-legacy. " + ShieldDdosProtection.AWS_PART);
	}

	@Test
	void anUnknownModeIsAClearError() {
		assertThatThrownBy(() -> check.evaluate(store.context(Map.of("shield_advanced", "always"), active("1"))))
			.hasMessage("shield_advanced: always is not one of [required, optional]");
	}

}
