package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.control.checks.NetworkEvidence.GroupRule;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default security group of every VPC restricts all traffic: it has no inbound and no
 * outbound rule (DescribeSecurityGroups), so that nothing launched without a group of its
 * own can talk to anything.
 */
@Component
public class Ec2DefaultSecurityGroupClosed extends NetworkCheck {

	public Ec2DefaultSecurityGroupClosed(JdbcTemplate jdbc) {
		super(jdbc, "VPC default security groups");
	}

	@Override
	List<String> operations() {
		return List.of("DescribeSecurityGroups");
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, String accountId, String region, List<String> evidence) {
		Map<String, List<GroupRule>> rules = NetworkEvidence.rules(jdbc, ctx.runId(), accountId, region)
			.stream()
			.collect(Collectors.groupingBy(GroupRule::groupId));
		List<CheckResult> results = new ArrayList<>();
		for (String[] group : NetworkEvidence.groups(jdbc, ctx.runId(), accountId, region)) {
			if (!"default".equals(group[1])) {
				continue;
			}
			String label = "The default security group " + group[0] + " of " + group[2] + " in " + region
					+ " of account " + accountId;
			List<GroupRule> own = rules.getOrDefault(group[0], List.of());
			if (own.isEmpty()) {
				results.add(CheckResult.pass(accountId, group[0], label + " has no rules.", evidence));
				continue;
			}
			String listed = own.stream()
				.map(r -> (r.egress() ? "outbound " : "inbound ")
						+ Exposure.ports(r.protocol(), r.fromPort(), r.toPort()) + (r.egress() ? " to " : " from ")
						+ r.source())
				.collect(Collectors.joining("; "));
			results.add(CheckResult.fail(accountId, group[0],
					label + " has " + own.size() + (own.size() == 1 ? " rule: " : " rules: ") + listed + ".",
					evidence));
		}
		return results;
	}

}
