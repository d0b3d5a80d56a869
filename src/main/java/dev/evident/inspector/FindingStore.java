package dev.evident.inspector;

import dev.evident.evidence.FindingRow;
import java.util.ArrayList;
import java.util.List;

import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inspector findings in the evidence store, upserted by (run, findingArn): never
 * duplicated, whichever path (ListFindings or a findings report) brought them. The same
 * transaction shortlists the findings the report's bounded lists may show
 * ({@link FindingShortlist}).
 */
@Repository
public class FindingStore {

	private static final String[] COLUMNS = { "run_id", "finding_arn", "account_id", "region", "severity", "status",
			"type", "title", "vulnerability_id", "resource_type", "resource_id", "inspector_score", "fix_available",
			"exploit_available", "first_observed_at", "last_observed_at", "updated_at" };

	private final JdbcTemplate jdbc;

	private final String upsert;

	private final String shortlistUpsert;

	private final FindingShortlist shortlist;

	public FindingStore(JdbcTemplate jdbc, SqlDialect dialect, FindingShortlist shortlist) {
		this.jdbc = jdbc;
		this.upsert = dialect.upsert("ev_finding", List.of("run_id", "finding_arn"), COLUMNS);
		this.shortlistUpsert = dialect.upsert("ev_finding_shortlist", List.of("run_id", "finding_arn"), "run_id",
				"finding_arn");
		this.shortlist = shortlist;
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
		shortlist(runId, findings);
	}

	private void shortlist(String runId, List<FindingRow> findings) {
		List<FindingRow> picked = shortlist.candidates(runId, findings);
		if (!picked.isEmpty()) {
			jdbc.batchUpdate(shortlistUpsert,
					picked.stream().map(f -> new Object[] { runId, f.findingArn() }).toList());
		}
		settle(runId);
		if (picked.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					shortlist.committed(runId, picked);
				}
			});
		}
		else {
			shortlist.committed(runId, picked);
		}
	}

	/**
	 * Deletes the shortlisted findings that committed ones have outranked since the last
	 * write (a rollback keeps them: more candidates, never fewer).
	 */
	public void settle(String runId) {
		List<String> dropped = shortlist.dropped(runId);
		if (!dropped.isEmpty()) {
			jdbc.batchUpdate("DELETE FROM ev_finding_shortlist WHERE run_id = ? AND finding_arn = ?",
					dropped.stream().map(arn -> new Object[] { runId, arn }).toList());
		}
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
