package dev.evident.control.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.evidence.Timestamps;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * No ACTIVE Inspector finding has outlived its severity's remediation SLA, counted in
 * days from its first observation to the run's {@code asOf}. Parameter {@code sla_days}:
 * days per severity.
 */
@Component
public class InspectorFindingSla implements Check {

	@Override
	public List<String> reads() {
		return List.of("inspector2:ListFindings", "inspector2:CreateFindingsReport");
	}

	private final JdbcTemplate jdbc;

	public InspectorFindingSla(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("sla_days", Map.class);
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		Map<String, Object> sla = ctx.mapParameter("sla_days");
		List<String> inspectorGaps = ctx.gaps()
			.list(ctx.runId())
			.stream()
			.filter(g -> g.source().startsWith("inspector2"))
			.map(g -> g.source() + " (" + g.errorCode() + ")")
			.toList();
		List<String> evidence = jdbc
			.queryForList("SELECT DISTINCT account_id, region FROM ev_evidence_file WHERE run_id = ? "
					+ "AND operation = 'inspector2:ListFindings' ORDER BY account_id, region", ctx.runId())
			.stream()
			.map(r -> "raw/" + r.get("account_id") + "/inspector2/" + r.get("region") + "/")
			.toList();
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			if (!"ACTIVE".equals(account.status())) {
				results.add(CheckResult.notApplicable(account.id(), "account " + account.id(),
						"Account " + account.id() + " is " + account.status() + " and was not assessed."));
				continue;
			}
			Map<String, Long> breaches = new LinkedHashMap<>();
			long total = 0;
			for (Map.Entry<String, Object> e : sla.entrySet()) {
				int days = ((Number) e.getValue()).intValue();
				Long n = jdbc.queryForObject(
						"SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND account_id = ? "
								+ "AND status = 'ACTIVE' AND severity = ? AND first_observed_at < ?",
						Long.class, ctx.runId(), account.id(), e.getKey(),
						Timestamps.utc(ctx.asOf().minus(Duration.ofDays(days))));
				if (n != null && n > 0) {
					breaches.put(e.getKey() + " > " + days + " days", n);
					total += n;
				}
			}
			String resource = "Inspector findings of account " + account.id();
			if (total > 0) {
				results.add(CheckResult.fail(account.id(), resource, "Account " + account.id() + " has " + total
						+ " ACTIVE findings past their SLA as of " + ctx.asOf() + ": " + describe(breaches) + ".",
						evidence));
			}
			else if (!inspectorGaps.isEmpty()) {
				results.add(CheckResult.noEvidence(account.id(), resource,
						"Findings could not be collected from " + String.join(", ", inspectorGaps)
								+ ", so SLA compliance of account " + account.id() + " cannot be shown."));
			}
			else {
				results.add(CheckResult.pass(account.id(), resource,
						"Account " + account.id() + " has no ACTIVE finding past its SLA as of " + ctx.asOf() + ".",
						evidence));
			}
		}
		return results;
	}

	private static String describe(Map<String, Long> breaches) {
		List<String> parts = new ArrayList<>();
		breaches.forEach((k, v) -> parts.add(v + " " + k));
		return String.join(", ", parts);
	}

}
