package dev.evident.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * What every section query of the PDF shares: bounded lists
 * ({@link PreparedStatement#setMaxRows}), counts, and text cleaned for the XHTML.
 */
abstract class StoreReader {

	static final List<String> STATUSES = List.of("PASS", "FAIL", "MANUAL", "NOT_APPLICABLE", "NO_EVIDENCE");

	static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	/**
	 * Failures first: within a bounded list the rows an auditor needs are the ones shown.
	 */
	static final String STATUS_RANK = "CASE %s WHEN 'FAIL' THEN 0 WHEN 'NO_EVIDENCE' THEN 1 WHEN 'MANUAL' THEN 2"
			+ " WHEN 'PASS' THEN 3 ELSE 4 END";

	final JdbcTemplate jdbc;

	final PdfSettings.Limits limits;

	StoreReader(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	long count(String sql, Object... args) {
		Long n = jdbc.queryForObject(sql, Long.class, args);
		return n == null ? 0 : n;
	}

	/** At most {@code limit} rows: the driver stops reading after that many. */
	<T> List<T> bounded(String sql, int limit, RowMapper<T> mapper, Object... args) {
		return jdbc.query(con -> {
			PreparedStatement ps = con.prepareStatement(sql);
			ps.setMaxRows(limit);
			ps.setFetchSize(Math.min(limit, 500));
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			return ps;
		}, mapper);
	}

	static String cssClass(String status) {
		return status == null ? "st-unknown" : "st-" + status.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static String percent(long n, long total) {
		return total == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", n * 100.0 / total);
	}

	/**
	 * Text of a column, cleaned for the XHTML the PDF is made from (see {@link PdfText}).
	 */
	static String str(ResultSet rs, int column) throws SQLException {
		return PdfText.clean(rs.getString(column));
	}

	static String instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? "" : INSTANT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
	}

	static String day(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? "" : DAY.format(t.withOffsetSameInstant(ZoneOffset.UTC));
	}

	static String day(Instant instant) {
		return instant == null ? "" : DAY.format(instant.atOffset(ZoneOffset.UTC));
	}

}
