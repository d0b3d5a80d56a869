package dev.evident.control.checks;

import java.util.List;
import java.util.Map;

import dev.evident.control.Status;

import org.junit.jupiter.api.Test;

import static dev.evident.control.checks.CheckFixture.active;
import static dev.evident.control.checks.CheckFixture.alb;
import static dev.evident.control.checks.CheckFixture.httpForward;
import static dev.evident.control.checks.CheckFixture.httpRedirect;
import static dev.evident.control.checks.CheckFixture.https;
import static dev.evident.control.checks.CheckFixture.suspended;
import static org.assertj.core.api.Assertions.assertThat;

class ElbInternetFacingHardenedTest {

	CheckFixture store = new CheckFixture();

	ElbInternetFacingHardened check = new ElbInternetFacingHardened(store.jdbc);

	@Test
	void passesAHardenedBalancerAndNamesEveryWeaknessOfAnother() {
		store.edge()
			.loadBalancers(CheckFixture.RUN, "555555555555", "us-east-1",
					List.of(alb("a-public", "internet-facing", true, "defensive", true, https(), httpRedirect()),
							alb("b-legacy", "internet-facing", false, "monitor", false, httpForward()),
							alb("c-internal", "internal", false, "monitor", false, httpForward())));

		var results = check.evaluate(store.context(Map.of(), active("555555555555")));

		assertThat(results).extracting(r -> r.status()).containsExactly(Status.PASS, Status.FAIL);
		assertThat(results.get(0).reason()).isEqualTo("Internet-facing load balancer a-public (us-east-1, account "
				+ "555555555555) drops invalid headers, mitigates desync (defensive), serves HTTPS only and logs access.");
		assertThat(results.get(1).reason()).isEqualTo("Internet-facing load balancer b-legacy (us-east-1, account "
				+ "555555555555) keeps invalid header fields; mitigates desync in monitor mode, not defensive or "
				+ "strictest; serves plain HTTP on port 80 without redirecting to HTTPS; does not log access.");
	}

	@Test
	void noEvidenceForARefusedRegionAndNotApplicableWithoutInternetFacingBalancers() {
		store.edge()
			.loadBalancers(CheckFixture.RUN, "444444444444", "us-east-1",
					List.of(alb("internal-only", "internal", true, "defensive", true, https())));
		store.gap("444444444444", "elasticloadbalancing:eu-west-1");

		var results = check.evaluate(
				store.context(Map.of(), active("444444444444"), active("333333333333"), suspended("888888888888")));

		assertThat(results).extracting(r -> r.status())
			.containsExactly(Status.NO_EVIDENCE, Status.NOT_APPLICABLE, Status.NOT_APPLICABLE);
		assertThat(results.get(0).resource()).isEqualTo("444444444444 eu-west-1");
	}

}
