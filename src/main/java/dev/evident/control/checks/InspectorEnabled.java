package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Amazon Inspector is enabled in every active account in scope and every collected
 * region, for each resource type of parameter {@code resource_types} (ec2, ecr, lambda,
 * lambda_code), per BatchGetAccountStatus.
 */
@Component
public class InspectorEnabled implements Check {

	@Override
	public List<String> reads() {
		return List.of("inspector2:BatchGetAccountStatus");
	}

	static final List<String> TYPES = List.of("ec2", "ecr", "lambda", "lambda_code");

	private final JdbcTemplate jdbc;

	public InspectorEnabled(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("resource_types", List.class);
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		List<String> types = CheckSupport.listParameter(ctx, "resource_types");
		types.stream().filter(t -> !TYPES.contains(t)).findFirst().ifPresent(t -> {
			throw new IllegalStateException("resource_types: unknown type " + t + ", expected some of " + TYPES);
		});
		Map<String, String> gaps = InspectorEvidence.coverageGaps(ctx);
		Map<String, Map<String, Object>> status = new HashMap<>();
		TreeSet<String> regions = new TreeSet<>(gaps.keySet());
		for (Map<String, Object> r : jdbc.queryForList("SELECT * FROM ev_inspector_account WHERE run_id = ?",
				ctx.runId())) {
			regions.add((String) r.get("region"));
			status.put(r.get("account_id") + " " + r.get("region"), r);
		}
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			String id = account.id();
			if (!"ACTIVE".equals(account.status())) {
				results.add(CheckSupport.notActive(account));
				continue;
			}
			if (regions.isEmpty()) {
				results.add(CheckResult.noEvidence(id, "account " + id,
						"No Inspector account status was collected, so Inspector in account " + id
								+ " cannot be shown."));
			}
			for (String region : regions) {
				results.add(evaluate(ctx, id + " " + region, region, status.get(id + " " + region), types, gaps));
			}
		}
		return results;
	}

	private CheckResult evaluate(CheckContext ctx, String resource, String region, Map<String, Object> row,
			List<String> types, Map<String, String> gaps) {
		String id = resource.substring(0, resource.indexOf(' '));
		if (gaps.containsKey(region)) {
			return CheckResult.noEvidence(id, resource, "Inspector's status in " + region + " could not be collected ("
					+ gaps.get(region) + "), so Inspector in account " + resource + " cannot be shown.");
		}
		List<String> evidence = InspectorEvidence.evidence(jdbc, ctx, "BatchGetAccountStatus", region);
		if (row == null) {
			return CheckResult.fail(id, resource,
					"Inspector status of account " + resource
							+ " is unknown (not in the status response), so Inspector is treated as not enabled.",
					evidence);
		}
		if (!"ENABLED".equals(row.get("state"))) {
			return CheckResult.fail(id, resource,
					"Inspector is " + row.get("state") + " in account " + resource
							+ (row.get("error_code") == null ? "" : " (" + row.get("error_code") + ")") + ".",
					evidence);
		}
		List<String> off = types.stream()
			.filter(t -> !"ENABLED".equals(row.get(t)))
			.map(t -> t + " (" + (row.get(t) == null ? "unknown" : row.get(t)) + ")")
			.toList();
		if (!off.isEmpty()) {
			return CheckResult.fail(id, resource, "Inspector is enabled in account " + resource + " but does not scan "
					+ String.join(", ", off) + ".", evidence);
		}
		return CheckResult.pass(id, resource,
				"Inspector is enabled in account " + resource + " for " + String.join(", ", types) + ".", evidence);
	}

}
