package dev.evident.control.checks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.evident.control.CheckContext;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the Inspector checks share: coverage gaps per region and evidence files. */
final class InspectorEvidence {

	static final String COVERAGE_GAP = "inspector2:coverage:";

	private InspectorEvidence() {
	}

	/**
	 * Regions whose coverage and account status could not be collected, with the gap as
	 * {@code source (error)}. The gap is recorded on Inspector's administrator account.
	 */
	static Map<String, String> coverageGaps(CheckContext ctx) {
		Map<String, String> gaps = new TreeMap<>();
		ctx.gaps()
			.list(ctx.runId())
			.stream()
			.filter(g -> g.source().startsWith(COVERAGE_GAP))
			.forEach(g -> gaps.put(g.source().substring(COVERAGE_GAP.length()),
					g.source() + " (" + g.errorCode() + ")"));
		return gaps;
	}

	/** Inspector's delegated administrator, or the management account. */
	static String admin(JdbcTemplate jdbc, CheckContext ctx) {
		return jdbc
			.queryForList("SELECT account_id FROM ev_delegated_admin WHERE run_id = ? AND service_principal = ?",
					String.class, ctx.runId(), "inspector2.amazonaws.com")
			.stream()
			.findFirst()
			.orElse(ctx.managementAccountId());
	}

	/** The raw files of an Inspector operation (in one region, or all when null). */
	static List<String> evidence(JdbcTemplate jdbc, CheckContext ctx, String operation, String region) {
		String sql = "SELECT path FROM ev_evidence_file WHERE run_id = ? AND operation = ? ";
		List<String> paths = region == null
				? jdbc.queryForList(sql + "ORDER BY path", String.class, ctx.runId(), "inspector2:" + operation)
				: jdbc.queryForList(sql + "AND region = ? ORDER BY path", String.class, ctx.runId(),
						"inspector2:" + operation, region);
		return paths.isEmpty()
				? List.of("raw/" + admin(jdbc, ctx) + "/inspector2/" + (region == null ? "" : region + "/")) : paths;
	}

}
