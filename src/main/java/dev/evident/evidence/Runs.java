package dev.evident.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.evident.run.Period;
import dev.evident.run.RunLayout;
import dev.evident.run.RunParameters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code ev_run} table: one row per run, the anchor of everything else in the store.
 */
@Repository
public class Runs {

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	public Runs(JdbcTemplate jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	public void begin(RunParameters run, Instant startedAt) {
		jdbc.update(dialect.upsert("ev_run", List.of("run_id"), "run_id", "period", "as_of", "source", "started_at"),
				run.runId(), run.period().toString(), Timestamps.utc(run.asOf()), run.source().id(),
				Timestamps.utc(startedAt));
	}

	/**
	 * Records the organization and the account Evident runs as: the management account,
	 * or a delegated administrator. The base credentials belong to the caller; every
	 * other account is reached by assuming a role.
	 */
	public void recordOrganization(String runId, String orgId, String managementAccountId, String callerAccountId) {
		RunLayout.requireSafe(orgId, "organization id");
		jdbc.update("UPDATE ev_run SET org_id = ?, management_account_id = ?, caller_account_id = ? WHERE run_id = ?",
				orgId, managementAccountId, callerAccountId, runId);
	}

	public Optional<RunRecord> find(String runId) {
		return jdbc.query(
				"SELECT run_id, period, as_of, source, org_id, management_account_id, caller_account_id FROM ev_run WHERE run_id = ?",
				(rs, i) -> new RunRecord(rs.getString("run_id"), Period.parse(rs.getString("period")),
						Timestamps.instant(rs, "as_of"), rs.getString("source"), rs.getString("org_id"),
						rs.getString("management_account_id"), rs.getString("caller_account_id")),
				runId)
			.stream()
			.findFirst();
	}

	public RunRecord require(String runId) {
		return find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId + " in the evidence store"));
	}

	/** One run as the store knows it. */
	public record RunRecord(String runId, Period period, Instant asOf, String source, String orgId,
			String managementAccountId, String callerAccountId) {
	}

}
