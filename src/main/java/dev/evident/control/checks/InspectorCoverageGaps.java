package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every resource Inspector covers in an account is actively scanned: a coverage entry
 * whose scan status is not ACTIVE (unmanaged instance, unsupported OS, ...) fails.
 */
@Component
public class InspectorCoverageGaps implements Check {

	@Override
	public List<String> reads() {
		return List.of("inspector2:ListCoverage");
	}

	static final int SHOWN = 3;

	private final JdbcTemplate jdbc;

	public InspectorCoverageGaps(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		Map<String, String> gaps = InspectorEvidence.coverageGaps(ctx);
		List<String> evidence = InspectorEvidence.evidence(jdbc, ctx, "ListCoverage", null);
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			String id = account.id();
			if (!"ACTIVE".equals(account.status())) {
				results.add(CheckSupport.notActive(account));
				continue;
			}
			String resource = "Inspector coverage of account " + id;
			List<Map<String, Object>> rows = jdbc.queryForList("SELECT region, resource_id, resource_type, "
					+ "scan_status, status_reason FROM ev_inspector_coverage WHERE run_id = ? AND account_id = ? "
					+ "ORDER BY region, resource_id", ctx.runId(), id);
			List<String> unscanned = rows.stream()
				.filter(r -> !"ACTIVE".equals(r.get("scan_status")))
				.map(InspectorCoverageGaps::describe)
				.toList();
			if (!unscanned.isEmpty()) {
				results.add(CheckResult.fail(id, resource, "Account " + id + " has " + unscanned.size() + " of "
						+ rows.size() + " covered resources that Inspector does not actively scan: "
						+ String.join("; ", unscanned.subList(0, Math.min(SHOWN, unscanned.size())))
						+ (unscanned.size() > SHOWN ? "; and " + (unscanned.size() - SHOWN) + " more" : "") + ".",
						evidence));
			}
			else if (!gaps.isEmpty()) {
				results.add(CheckResult.noEvidence(id, resource,
						"Inspector coverage could not be collected from " + String.join(", ", gaps.values())
								+ ", so the coverage of account " + id + " cannot be shown."));
			}
			else {
				results.add(CheckResult.pass(id, resource, "All " + rows.size()
						+ " resources Inspector covers in account " + id + " are actively scanned.", evidence));
			}
		}
		return results;
	}

	/** Rows of queryForList, whose keys are case-insensitive. */
	private static String describe(Map<String, Object> r) {
		return r.get("resource_id") + " (" + r.get("region") + ", " + r.get("resource_type") + ", "
				+ (r.get("status_reason") == null ? r.get("scan_status") : r.get("status_reason")) + ")";
	}

}
