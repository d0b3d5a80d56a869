package dev.evident.evidence;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Evidence gaps: what could not be collected, for which account and source, and why. A
 * gap is never an omission: every output lists it, and the run exits with code 3.
 */
@Repository
public class Gaps {

	private static final Logger log = LoggerFactory.getLogger(Gaps.class);

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	private volatile java.util.function.Consumer<Gap> listener = gap -> {
	};

	public Gaps(JdbcTemplate jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	public void record(String runId, String accountId, String source, String errorCode, String message) {
		String text = message == null ? "" : message.length() > 3900 ? message.substring(0, 3900) : message;
		log.warn("Evidence gap: account={} source={} error={} message={}", accountId, source, errorCode, text);
		jdbc.update(
				dialect.upsert("ev_gap", List.of("run_id", "account_id", "source"), "run_id", "account_id", "source",
						"error_code", "message", "recorded_at"),
				runId, accountId, source, errorCode, text, Timestamps.utc(Instant.now()));
		listener.accept(new Gap(accountId, source, errorCode, text));
	}

	/** Tells someone (the progress display) about every gap as it is recorded. */
	public void onRecord(java.util.function.Consumer<Gap> listener) {
		this.listener = listener;
	}

	/** Removes the gaps of one account and source before it is collected again. */
	public void clear(String runId, String accountId, String source) {
		jdbc.update("DELETE FROM ev_gap WHERE run_id = ? AND account_id = ? AND source = ?", runId, accountId, source);
	}

	/**
	 * Removes the gaps of one account for a source and its parts ({@code source} and
	 * {@code source:*}, such as the regions of a source) before it is collected again.
	 */
	public void clearSources(String runId, String accountId, String source) {
		jdbc.update("DELETE FROM ev_gap WHERE run_id = ? AND account_id = ? AND (source = ? OR source LIKE ?)", runId,
				accountId, source, source + ":%");
	}

	public List<Gap> list(String runId) {
		return jdbc.query(
				"SELECT account_id, source, error_code, message FROM ev_gap WHERE run_id = ? ORDER BY account_id, source",
				(rs, i) -> new Gap(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), runId);
	}

	public boolean has(String runId, String accountId, String source) {
		Integer n = jdbc.queryForObject(
				"SELECT COUNT(*) FROM ev_gap WHERE run_id = ? AND account_id = ? AND (source = ? OR source = 'account')",
				Integer.class, runId, accountId, source);
		return n != null && n > 0;
	}

	public int count(String runId) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ev_gap WHERE run_id = ?", Integer.class, runId);
		return n == null ? 0 : n;
	}

	/** One gap row. */
	public record Gap(String accountId, String source, String errorCode, String message) {
	}

}
