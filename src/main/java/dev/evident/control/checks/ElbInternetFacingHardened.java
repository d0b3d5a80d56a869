package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.control.checks.EdgeEvidence.Balancer;
import dev.evident.control.checks.EdgeEvidence.Listener;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every internet-facing application load balancer drops invalid header fields, mitigates
 * request desync in defensive or strictest mode, serves HTTPS (each HTTP listener
 * redirects to HTTPS) and logs its access (DescribeLoadBalancerAttributes,
 * DescribeListeners). Internal load balancers are not counted.
 */
@Component
public class ElbInternetFacingHardened extends AccountCheck {

	static final List<String> DESYNC_MODES = List.of("defensive", "strictest");

	/** The gap source of a region's load balancers, before the region. */
	private static final String REGIONAL_GAP = "elasticloadbalancing:";

	private final JdbcTemplate jdbc;

	public ElbInternetFacingHardened(JdbcTemplate jdbc) {
		super("account", "load balancers");
		this.jdbc = jdbc;
	}

	@Override
	public List<String> reads() {
		return List.of("elasticloadbalancing:DescribeLoadBalancers",
				"elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeListeners");
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account) {
		String id = account.id();
		List<String> evidence = EdgeEvidence.files(jdbc, ctx.runId(), id,
				"elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeListeners");
		List<CheckResult> results = new ArrayList<>();
		ctx.gaps()
			.list(ctx.runId())
			.stream()
			.filter(g -> g.accountId().equals(id) && g.source().startsWith(REGIONAL_GAP))
			.forEach(g -> results.add(CheckResult.noEvidence(id, id + " " + g.source().substring(REGIONAL_GAP.length()),
					"The load balancers of account " + id + " in " + g.source().substring(REGIONAL_GAP.length())
							+ " could not be collected (" + g.errorCode() + ").")));
		for (Balancer lb : EdgeEvidence.balancers(jdbc, ctx.runId(), id)) {
			if (lb.internetFacing() && lb.application()) {
				results.add(judge(id, lb, evidence));
			}
		}
		if (results.isEmpty()) {
			results.add(CheckResult.notApplicable(id, "account " + id,
					"Account " + id + " has no internet-facing application load balancer."));
		}
		return results;
	}

	private static CheckResult judge(String accountId, Balancer lb, List<String> evidence) {
		String what = "Internet-facing load balancer " + lb.name() + " (" + lb.region() + ", account " + accountId
				+ ")";
		List<String> problems = new ArrayList<>();
		if (!Boolean.TRUE.equals(lb.dropInvalidHeaders())) {
			problems.add("keeps invalid header fields");
		}
		if (!DESYNC_MODES.contains(lb.desyncMode())) {
			problems.add("mitigates desync in " + (lb.desyncMode() == null ? "an unknown" : lb.desyncMode())
					+ " mode, not defensive or strictest");
		}
		boolean https = lb.listeners().stream().anyMatch(l -> "HTTPS".equals(l.protocol()));
		List<Integer> plain = lb.listeners()
			.stream()
			.filter(l -> "HTTP".equals(l.protocol()) && !"HTTPS".equals(l.redirectsTo()))
			.map(Listener::port)
			.toList();
		if (!plain.isEmpty()) {
			problems.add("serves plain HTTP on port "
					+ plain.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
					+ " without redirecting to HTTPS");
		}
		else if (!https) {
			problems.add("has no HTTPS listener");
		}
		if (!Boolean.TRUE.equals(lb.accessLogs())) {
			problems.add("does not log access");
		}
		return problems.isEmpty()
				? CheckResult.pass(accountId, lb.arn(),
						what + " drops invalid headers, mitigates desync (" + lb.desyncMode()
								+ "), serves HTTPS only and logs access.",
						evidence)
				: CheckResult.fail(accountId, lb.arn(), what + " " + String.join("; ", problems) + ".", evidence);
	}

}
