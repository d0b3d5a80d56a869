package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.control.checks.NetworkEvidence.Acl;
import dev.evident.control.checks.NetworkEvidence.GroupRule;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * No security group and no network ACL lets the internet (0.0.0.0/0 or ::/0) reach a
 * remote administration port (parameter {@code ports}, default 22 and 3389), over TCP or
 * every protocol. A network ACL is read in rule order, as AWS applies it: a deny numbered
 * before an allow keeps the port closed.
 */
@Component
public class Ec2AdminPortsClosed extends NetworkCheck {

	public Ec2AdminPortsClosed(JdbcTemplate jdbc) {
		super(jdbc, "security groups or network ACLs");
	}

	@Override
	List<String> operations() {
		return List.of("DescribeSecurityGroups", "DescribeNetworkAcls");
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("ports", List.class);
	}

	@Override
	void validate(CheckContext ctx) {
		ports(ctx);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, String accountId, String region, List<String> evidence) {
		List<Integer> ports = ports(ctx);
		List<CheckResult> results = new ArrayList<>();
		Map<String, List<GroupRule>> rules = new TreeMap<>(NetworkEvidence.rules(jdbc, ctx.runId(), accountId, region)
			.stream()
			.collect(Collectors.groupingBy(GroupRule::groupId)));
		for (String[] group : NetworkEvidence.groups(jdbc, ctx.runId(), accountId, region)) {
			String label = "Security group " + group[0] + " (" + group[1] + ") in " + region + " of account "
					+ accountId;
			List<String> open = new ArrayList<>();
			for (GroupRule rule : rules.getOrDefault(group[0], List.of())) {
				List<Integer> reached = ports.stream().filter(p -> Exposure.opens(rule, p)).toList();
				if (!reached.isEmpty()) {
					open.add(Exposure.describe(rule.protocol(), rule.fromPort(), rule.toPort(), rule.source())
							+ " (port " + join(reached) + ")");
				}
			}
			results.add(open.isEmpty()
					? CheckResult.pass(accountId, group[0],
							label + " opens no administration port (" + join(ports) + ") to the internet.", evidence)
					: CheckResult.fail(accountId, group[0], label + " allows inbound " + String.join("; ", open) + ".",
							evidence));
		}
		for (Acl acl : NetworkEvidence.acls(jdbc, ctx.runId(), accountId, region)) {
			String label = "Network ACL " + acl.id() + (acl.isDefault() ? " (the default of " : " (of ") + acl.vpcId()
					+ ") in " + region + " of account " + accountId;
			Map<NetworkEvidence.AclEntry, List<Integer>> opening = new java.util.LinkedHashMap<>();
			for (String internet : Exposure.INTERNET) {
				for (int port : ports) {
					Exposure.opens(acl.entries(), internet, port)
						.ifPresent(e -> opening.computeIfAbsent(e, k -> new ArrayList<>()).add(port));
				}
			}
			List<String> open = new ArrayList<>();
			opening.forEach((e,
					reached) -> open.add("rule " + e.ruleNumber() + " allows "
							+ Exposure.describe(e.protocol(), e.fromPort(), e.toPort(), e.cidr()) + " (port "
							+ join(reached) + ")"));
			results.add(
					open.isEmpty()
							? CheckResult.pass(accountId, acl.id(),
									label + " lets no internet traffic reach an administration port (" + join(ports)
											+ ").",
									evidence)
							: CheckResult.fail(accountId, acl.id(), label + ": " + String.join("; ", open) + ".",
									evidence));
		}
		return results;
	}

	private static List<Integer> ports(CheckContext ctx) {
		List<Integer> ports = new ArrayList<>();
		for (String p : CheckSupport.listParameter(ctx, "ports")) {
			try {
				int port = Integer.parseInt(p);
				if (port < 0 || port > 65535) {
					throw new NumberFormatException();
				}
				ports.add(port);
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("ports: " + p + " is not a port number (0-65535)");
			}
		}
		return ports;
	}

	private static String join(List<Integer> ports) {
		return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
