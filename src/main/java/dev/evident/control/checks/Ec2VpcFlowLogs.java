package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every VPC has an active flow log that delivers: a flow log on the VPC whose status is
 * ACTIVE and whose delivery has not failed (DescribeVpcs, DescribeFlowLogs).
 */
@Component
public class Ec2VpcFlowLogs extends NetworkCheck {

	public Ec2VpcFlowLogs(JdbcTemplate jdbc) {
		super(jdbc, "VPCs");
	}

	@Override
	List<String> operations() {
		return List.of("DescribeVpcs", "DescribeFlowLogs");
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, String accountId, String region, List<String> evidence) {
		List<CheckResult> results = new ArrayList<>();
		for (var vpc : jdbc.queryForList("SELECT vpc_id, name FROM ev_vpc WHERE run_id = ? AND account_id = ? "
				+ "AND region = ? ORDER BY vpc_id", ctx.runId(), accountId, region)) {
			String vpcId = (String) vpc.get("vpc_id");
			String label = "VPC " + vpcId + (vpc.get("name") == null ? "" : " (" + vpc.get("name") + ")") + " in "
					+ region + " of account " + accountId;
			var logs = jdbc.queryForList(
					"SELECT flow_log_id, status, deliver_status, traffic_type FROM ev_flow_log WHERE run_id = ? "
							+ "AND account_id = ? AND region = ? AND resource_id = ? ORDER BY flow_log_id",
					ctx.runId(), accountId, region, vpcId);
			var delivering = logs.stream()
				.filter(l -> "ACTIVE".equals(l.get("status")) && !"FAILED".equals(l.get("deliver_status")))
				.findFirst();
			if (delivering.isPresent()) {
				results.add(
						CheckResult.pass(
								accountId, vpcId, label + " has flow log " + delivering.get().get("flow_log_id")
										+ " (ACTIVE, traffic " + delivering.get().get("traffic_type") + ").",
								evidence));
			}
			else if (logs.isEmpty()) {
				results.add(CheckResult.fail(accountId, vpcId, label + " has no flow log.", evidence));
			}
			else {
				var log = logs.get(0);
				results.add(
						CheckResult.fail(accountId, vpcId,
								label + " has no working flow log: " + log.get("flow_log_id") + " is "
										+ log.get("status") + ", delivery " + log.get("deliver_status") + ".",
								evidence));
			}
		}
		return results;
	}

}
