package dev.evident.inspector;

import java.util.ArrayList;
import java.util.List;

import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Inspector findings in the evidence store, upserted by (run, findingArn): never
 * duplicated, whichever path (ListFindings or a findings report) brought them.
 */
@Repository
public class FindingStore {

	private static final String[] COLUMNS = { "run_id", "finding_arn", "account_id", "region", "severity", "status",
			"type", "title", "vulnerability_id", "resource_type", "resource_id", "inspector_score", "fix_available",
			"exploit_available", "first_observed_at", "last_observed_at", "updated_at" };

	private final JdbcTemplate jdbc;

	private final String upsert;

	public FindingStore(JdbcTemplate jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.upsert = dialect.upsert("ev_finding", List.of("run_id", "finding_arn"), COLUMNS);
	}

	public void upsert(String runId, List<FindingRow> findings) {
		List<Object[]> rows = new ArrayList<>(findings.size());
		for (FindingRow f : findings) {
			rows.add(new Object[] { runId, f.findingArn(), f.accountId(), f.region(), f.severity(), f.status(),
					f.type(), truncate(f.title(), 4000), f.vulnerabilityId(), f.resourceType(),
					truncate(f.resourceId(), 2048), f.inspectorScore(), f.fixAvailable(), f.exploitAvailable(),
					Timestamps.utc(f.firstObservedAt()), Timestamps.utc(f.lastObservedAt()),
					Timestamps.utc(f.updatedAt()) });
		}
		jdbc.batchUpdate(upsert, rows);
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
