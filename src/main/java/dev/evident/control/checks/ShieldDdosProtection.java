package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.control.checks.EdgeEvidence.Acl;
import dev.evident.control.checks.EdgeEvidence.Balancer;
import dev.evident.control.checks.EdgeEvidence.Distribution;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * DDoS protection, a shared control. AWS's part, inherited: Shield Standard protects
 * every account at the network and transport layers, at no cost and with nothing to
 * configure. The customer's part, per account: with {@code shield_advanced: required}, a
 * Shield Advanced subscription that is ACTIVE and renews itself, with a protection on
 * every internet-facing load balancer and CloudFront distribution; with {@code optional},
 * every internet-facing application entry point (application load balancer, distribution)
 * is behind a web ACL with a rate-based rule.
 */
@Component
public class ShieldDdosProtection implements Check {

	static final List<String> MODES = List.of("required", "optional");

	static final String AWS_PART = "AWS's part, Shield Standard on every account, is inherited.";

	private final JdbcTemplate jdbc;

	public ShieldDdosProtection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<String> reads() {
		return List.of("shield:GetSubscriptionState", "shield:DescribeSubscription", "shield:ListProtections",
				"elasticloadbalancing:DescribeLoadBalancers", "cloudfront:ListDistributions", "wafv2:GetWebACL",
				"wafv2:ListResourcesForWebACL");
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("shield_advanced", String.class);
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		String mode = String.valueOf(ctx.parameters().get("shield_advanced"));
		if (!MODES.contains(mode)) {
			throw new IllegalStateException("shield_advanced: " + mode + " is not one of " + MODES);
		}
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			String id = account.id();
			if (!"ACTIVE".equals(account.status())) {
				results.add(CheckSupport.notActive(account));
				continue;
			}
			String gap = ctx.hasGap(id, "account") ? "see evidence gaps"
					: EdgeEvidence.gap(ctx, id, mode.equals("required") ? "shield" : "wafv2:cloudfront");
			if (gap != null) {
				results.add(CheckResult.noEvidence(id, "account " + id,
						"The DDoS protection of account " + id + " could not be read (" + gap + "). " + AWS_PART));
				continue;
			}
			List<Balancer> balancers = EdgeEvidence.balancers(jdbc, ctx.runId(), id)
				.stream()
				.filter(Balancer::internetFacing)
				.toList();
			List<Distribution> distributions = EdgeEvidence.distributions(jdbc, ctx.runId(), id);
			results.add(mode.equals("required") ? advanced(ctx, id, balancers, distributions)
					: rateLimited(ctx, id, balancers, distributions));
		}
		return results;
	}

	private CheckResult advanced(CheckContext ctx, String id, List<Balancer> balancers,
			List<Distribution> distributions) {
		List<String> evidence = EdgeEvidence.files(jdbc, ctx.runId(), id, "shield:GetSubscriptionState",
				"shield:DescribeSubscription", "shield:ListProtections");
		var subscription = jdbc.queryForList(
				"SELECT state, auto_renew FROM ev_shield_subscription WHERE run_id = ? AND account_id = ?", ctx.runId(),
				id);
		String state = subscription.isEmpty() ? null : (String) subscription.get(0).get("state");
		if (!"ACTIVE".equals(state)) {
			return CheckResult.fail(id, "account " + id, "Account " + id + " has no active Shield Advanced "
					+ "subscription, which shield_advanced: required asks for. " + AWS_PART, evidence);
		}
		List<String> problems = new ArrayList<>();
		if (!"ENABLED".equals(subscription.get(0).get("auto_renew"))) {
			problems.add("the subscription does not renew itself");
		}
		Set<String> protectedArns = jdbc
			.queryForList("SELECT resource_arn FROM ev_shield_protection WHERE run_id = ? AND account_id = ?",
					String.class, ctx.runId(), id)
			.stream()
			.collect(Collectors.toSet());
		List<String> unprotected = new ArrayList<>();
		// Shield protects a network load balancer through its Elastic IPs, which are not
		// read yet: such a balancer is neither counted protected nor unprotected
		List<String> unread = balancers.stream().filter(b -> "network".equals(b.type())).map(Balancer::name).toList();
		balancers.stream()
			.filter(b -> !"network".equals(b.type()) && !protectedArns.contains(b.arn()))
			.forEach(b -> unprotected.add("load balancer " + b.name()));
		distributions.stream()
			.filter(d -> !protectedArns.contains(d.arn()))
			.forEach(d -> unprotected.add("distribution " + d.id()));
		if (!unprotected.isEmpty()) {
			problems.add("no protection on " + String.join(", ", unprotected));
		}
		if (problems.isEmpty() && !unread.isEmpty()) {
			return CheckResult.noEvidence(id, "account " + id,
					"Account " + id + " has Shield Advanced, renewing "
							+ "itself, on its other entry points; network load balancer " + String.join(", ", unread)
							+ " is protected through its Elastic IPs, which this run does not read. " + AWS_PART);
		}
		return problems.isEmpty()
				? CheckResult.pass(id, "account " + id,
						"Account " + id + " has Shield Advanced, renewing itself, "
								+ "with a protection on each of its " + (balancers.size() + distributions.size())
								+ " internet-facing entry points. " + AWS_PART,
						evidence)
				: CheckResult.fail(id, "account " + id,
						"Account " + id + " has Shield Advanced, but " + String.join("; ", problems) + ". " + AWS_PART,
						evidence);
	}

	private CheckResult rateLimited(CheckContext ctx, String id, List<Balancer> balancers,
			List<Distribution> distributions) {
		List<String> evidence = EdgeEvidence.files(jdbc, ctx.runId(), id, "wafv2:GetWebACL",
				"wafv2:ListResourcesForWebACL");
		Map<String, Acl> acls = EdgeEvidence.acls(jdbc, ctx.runId(), id);
		List<String> entryPoints = new ArrayList<>();
		List<String> unlimited = new ArrayList<>();
		for (Balancer lb : balancers) {
			if (lb.application()) {
				entryPoints.add(lb.name());
				Acl acl = EdgeEvidence.aclOf(acls, lb.arn());
				if (acl == null || acl.rateBasedRules() == 0) {
					unlimited.add("load balancer " + lb.name());
				}
			}
		}
		for (Distribution d : distributions) {
			entryPoints.add(d.id());
			Acl acl = EdgeEvidence.aclOf(acls, d);
			if (acl == null || acl.rateBasedRules() == 0) {
				unlimited.add("distribution " + d.id());
			}
		}
		if (entryPoints.isEmpty()) {
			return CheckResult.notApplicable(id, "account " + id, "Account " + id
					+ " has no internet-facing application entry point; Shield Standard covers the rest. " + AWS_PART);
		}
		return unlimited.isEmpty()
				? CheckResult.pass(id, "account " + id,
						"Every internet-facing application entry point of account " + id + " (" + entryPoints.size()
								+ ") is behind a web ACL with a rate-based rule. " + AWS_PART,
						evidence)
				: CheckResult.fail(id, "account " + id, "Account " + id + ": no rate-based rule in front of "
						+ String.join(", ", unlimited) + ". " + AWS_PART, evidence);
	}

}
