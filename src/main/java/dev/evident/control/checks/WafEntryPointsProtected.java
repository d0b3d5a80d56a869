package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.control.checks.EdgeEvidence.Acl;
import dev.evident.control.checks.EdgeEvidence.Balancer;
import dev.evident.control.checks.EdgeEvidence.Distribution;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every internet-facing application load balancer and every CloudFront distribution is
 * associated with a web ACL that has at least one rule and logs. Only a real association
 * counts (ListResourcesForWebACL for a load balancer, the distribution's WebACLId): a web
 * ACL associated with nothing protects nothing. Internal load balancers are not entry
 * points and are not counted; network load balancers cannot carry a web ACL.
 */
@Component
public class WafEntryPointsProtected extends AccountCheck {

	private final JdbcTemplate jdbc;

	public WafEntryPointsProtected(JdbcTemplate jdbc) {
		super("account", "entry points");
		this.jdbc = jdbc;
	}

	@Override
	public List<String> reads() {
		return List.of("elasticloadbalancing:DescribeLoadBalancers", "wafv2:ListWebACLs", "wafv2:GetWebACL",
				"wafv2:ListResourcesForWebACL", "wafv2:GetLoggingConfiguration", "cloudfront:ListDistributions");
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account) {
		String id = account.id();
		List<String> evidence = EdgeEvidence.files(jdbc, ctx.runId(), id, "wafv2:GetWebACL",
				"wafv2:ListResourcesForWebACL", "wafv2:GetLoggingConfiguration");
		Map<String, Acl> acls = EdgeEvidence.acls(jdbc, ctx.runId(), id);
		List<CheckResult> own = new ArrayList<>();
		for (Balancer lb : EdgeEvidence.balancers(jdbc, ctx.runId(), id)) {
			if (!lb.internetFacing() || !lb.application()) {
				continue;
			}
			String gap = firstGap(ctx, id, "wafv2:" + lb.region(), "elasticloadbalancing:" + lb.region());
			String what = "Internet-facing load balancer " + lb.name() + " (" + lb.region() + ", account " + id + ")";
			own.add(gap != null
					? CheckResult.noEvidence(id, lb.arn(),
							what + ": its web ACLs could not be collected (" + gap + ").")
					: judge(id, lb.arn(), what, EdgeEvidence.aclOf(acls, lb.arn()), evidence));
		}
		for (Distribution d : EdgeEvidence.distributions(jdbc, ctx.runId(), id)) {
			String what = "CloudFront distribution " + d.id() + " (" + d.domainName() + ", account " + id + ")";
			Acl acl = EdgeEvidence.aclOf(acls, d);
			String resource = d.arn() == null ? d.id() : d.arn();
			if (d.webAclId() != null && acl == null) {
				String gap = firstGap(ctx, id, "wafv2:cloudfront");
				own.add(CheckResult.noEvidence(id, resource,
						what + " names web ACL " + d.webAclId() + ", which was not collected"
								+ (gap != null ? " (" + gap + ")" : " (a WAF Classic web ACL?)") + "."));
				continue;
			}
			own.add(judge(id, resource, what, acl, evidence));
		}
		String gap = EdgeEvidence.gap(ctx, id, "cloudfront");
		if (gap != null) {
			own.add(CheckResult.noEvidence(id, "account " + id + " cloudfront",
					"The CloudFront distributions of account " + id + " could not be collected (" + gap + ")."));
		}
		if (own.isEmpty()) {
			own.add(CheckResult.notApplicable(id, "account " + id, "Account " + id
					+ " has no internet-facing application load balancer and no CloudFront distribution."));
		}
		return own;
	}

	private static CheckResult judge(String accountId, String resource, String what, Acl acl, List<String> evidence) {
		if (acl == null) {
			return CheckResult.fail(accountId, resource, what + " is associated with no web ACL.", evidence);
		}
		List<String> missing = new ArrayList<>();
		if (acl.rules() == 0) {
			missing.add("has no rule");
		}
		if (!acl.logged()) {
			missing.add("does not log");
		}
		if (!missing.isEmpty()) {
			return CheckResult.fail(accountId, resource,
					what + " is behind web ACL " + acl.name() + ", which " + String.join(" and ", missing) + ".",
					evidence);
		}
		return CheckResult.pass(accountId, resource, what + " is behind web ACL " + acl.name() + " (" + acl.rules()
				+ (acl.rules() == 1 ? " rule" : " rules") + ", logging to " + acl.logging().replace('\n', ' ') + ").",
				evidence);
	}

	private static String firstGap(CheckContext ctx, String accountId, String... sources) {
		for (String source : sources) {
			String gap = EdgeEvidence.gap(ctx, accountId, source);
			if (gap != null) {
				return gap;
			}
		}
		return null;
	}

}
