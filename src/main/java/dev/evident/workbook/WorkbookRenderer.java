package dev.evident.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.evident.report.TemplateSource;

/**
 * Renders {@code evidence-workbook.xlsx}: the complete evidence of a run as filterable
 * tables.
 *
 * <p>
 * Memory stays flat whatever the size of the organization: every sheet is streamed from a
 * JDBC cursor (fetch size, no lists) into an {@link SXSSFWorkbook} that keeps only a
 * window of rows in memory and spills the rest to compressed temporary files. Sheet
 * names, headers and widths come from {@code report-templates/excel/workbook.yaml}.
 */
@Component
public class WorkbookRenderer {

	private static final Logger log = LoggerFactory.getLogger(WorkbookRenderer.class);
	static final int FETCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	private final TemplateSource templates;

	private final Clock clock;

	private final int maxDataRowsPerSheet;

	@Autowired
	public WorkbookRenderer(JdbcTemplate jdbc, TemplateSource templates) {
		this(jdbc, templates, Clock.systemUTC(), SheetWriter.EXCEL_MAX_DATA_ROWS);
	}

	/**
	 * For tests: a fixed clock and a small sheet size to exercise the "Findings (2)"
	 * continuation.
	 */
	WorkbookRenderer(JdbcTemplate jdbc, TemplateSource templates, Clock clock, int maxDataRowsPerSheet) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.clock = clock;
		this.maxDataRowsPerSheet = Math.min(Math.max(1, maxDataRowsPerSheet), SheetWriter.EXCEL_MAX_DATA_ROWS);
	}

	/**
	 * A table of the workbook: its query (columns aliased by key) and the kind of each
	 * key.
	 */
	private record Table(String key, String sql, Map<String, CellKind> kinds) {
	}

	private static Map<String, CellKind> kinds(Object... keyKind) {
		Map<String, CellKind> m = new LinkedHashMap<>();
		for (int i = 0; i < keyKind.length; i += 2) {
			m.put((String) keyKind[i], (CellKind) keyKind[i + 1]);
		}
		return m;
	}

	private static final CellKind T = CellKind.TEXT;

	private static final CellKind S = CellKind.STATUS;

	private static final CellKind D = CellKind.INSTANT;

	private static final CellKind ISO = CellKind.ISO_TEXT;

	private static final CellKind I = CellKind.INTEGER;

	static final List<Table> TABLES = List.of(
			new Table("controls", """
					SELECT control_id, title, objective, responsibility, check_id, status
					FROM ev_control WHERE run_id = ? ORDER BY control_id""",
					kinds("control_id", T, "title", T, "objective", T, "responsibility", T, "check_id", T, "status",
							S)),
			new Table("results",
					"""
							SELECT r.control_id, r.account_id, a.name AS account_name, r.resource, r.status, r.reason, r.evidence_refs
							FROM ev_control_result r
							LEFT JOIN ev_account a ON a.run_id = r.run_id AND a.account_id = r.account_id
							WHERE r.run_id = ? ORDER BY r.control_id, r.account_id, r.resource""",
					kinds("control_id", T, "account_id", T, "account_name", T, "resource", T, "status", S, "reason", T,
							"evidence_refs", T)),
			new Table("gaps", """
					SELECT g.account_id, a.name AS account_name, g.source, g.error_code, g.message, g.recorded_at
					FROM ev_gap g LEFT JOIN ev_account a ON a.run_id = g.run_id AND a.account_id = g.account_id
					WHERE g.run_id = ? ORDER BY g.account_id, g.source""",
					kinds("account_id", T, "account_name", T, "source", T, "error_code", T, "message", T, "recorded_at",
							D)),
			new Table("credentials", """
					SELECT * FROM ev_credential_report_row WHERE run_id = ? ORDER BY account_id, user_name""",
					kinds("account_id", T, "user_name", T, "arn", T, "user_creation_time", ISO, "password_enabled", T,
							"password_last_used", ISO, "password_last_changed", ISO, "password_next_rotation", ISO,
							"mfa_active", T, "access_key_1_active", T, "access_key_1_last_rotated", ISO,
							"access_key_1_last_used_date", ISO, "access_key_1_last_used_region", T,
							"access_key_1_last_used_service", T, "access_key_2_active", T, "access_key_2_last_rotated",
							ISO, "access_key_2_last_used_date", ISO, "access_key_2_last_used_region", T,
							"access_key_2_last_used_service", T, "cert_1_active", T, "cert_1_last_rotated", ISO,
							"cert_2_active", T, "cert_2_last_rotated", ISO)),
			new Table("findings", """
					SELECT finding_arn, account_id, region, severity, status, type, title, vulnerability_id,
					       resource_type, resource_id, inspector_score, fix_available, exploit_available,
					       first_observed_at, last_observed_at, updated_at
					FROM ev_finding WHERE run_id = ? ORDER BY account_id, finding_arn""",
					kinds("finding_arn", T, "account_id", T, "region", T, "severity", T, "status", T, "type", T,
							"title", T, "vulnerability_id", T, "resource_type", T, "resource_id", T, "inspector_score",
							CellKind.DECIMAL, "fix_available", T, "exploit_available", T, "first_observed_at", D,
							"last_observed_at", D, "updated_at", D)),
			new Table("organization", """
					SELECT account_id, name, email, status, joined_method, joined_at, parent_id, ou_path, management
					FROM ev_account WHERE run_id = ? ORDER BY ou_path, name, account_id""",
					kinds("account_id", T, "name", T, "email", T, "status", T, "joined_method", T, "joined_at", D,
							"parent_id", T, "ou_path", T, "management", CellKind.BOOLEAN)),
			new Table("scps", """
					SELECT p.policy_id, p.name, p.aws_managed, p.description, t.target_type, t.target_id, t.target_name,
					       p.content
					FROM ev_policy p
					LEFT JOIN ev_policy_target t ON t.run_id = p.run_id AND t.policy_id = p.policy_id
					WHERE p.run_id = ? AND p.type = 'SERVICE_CONTROL_POLICY'
					ORDER BY p.name, p.policy_id, t.target_type, t.target_id""",
					kinds("policy_id", T, "name", T, "aws_managed", CellKind.BOOLEAN, "description", T, "target_type",
							T, "target_id", T, "target_name", T, "content", T)),
			new Table("artifacts", """
					SELECT report_id, name, series, category, version, state, period_start, period_end,
					       document_path, document_sha256, document_size
					FROM ev_artifact_report WHERE run_id = ? ORDER BY series, name, report_id""",
					kinds("report_id", T, "name", T, "series", T, "category", T, "version", I, "state", T,
							"period_start", D, "period_end", D, "document_path", T, "document_sha256", T,
							"document_size", I)),
			new Table("files", """
					SELECT path, sha256, size_bytes, operation, parameters, region, account_id, collected_at
					FROM ev_evidence_file WHERE run_id = ? ORDER BY path""", kinds("path", T, "sha256", T, "size_bytes",
					I, "operation", T, "parameters", T, "region", T, "account_id", T, "collected_at", D)));

	public void render(String runId, Path target) {
		long started = System.nanoTime();
		WorkbookLayout layout = WorkbookLayout.load(templates);
		validate(layout);
		Path tmp = target.resolveSibling(target.getFileName() + ".part");
		SXSSFWorkbook wb = new SXSSFWorkbook(null, layout.window(), true, false);
		try {
			Styles styles = new Styles(wb, layout);
			Map<String, Long> rowCounts = jdbc
				.execute((ConnectionCallback<Map<String, Long>>) con -> writeAll(con, runId, wb, styles, layout));
			log.info("workbook for run {}: {}", runId, rowCounts);
			try (OutputStream out = Files.newOutputStream(tmp)) {
				wb.write(out);
			}
			moveIntoPlace(tmp, target);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write workbook " + target, e);
		}
		finally {
			try {
				wb.close(); // also deletes SXSSF's temporary files
			}
			catch (IOException e) {
				log.warn("could not close workbook", e);
			}
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// best effort
			}
		}
		log.info("workbook for run {} written to {} in {} ms", runId, target.getFileName(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private Map<String, Long> writeAll(Connection con, String runId, SXSSFWorkbook wb, Styles styles,
			WorkbookLayout layout) throws SQLException {
		// PostgreSQL streams with a cursor only outside auto-commit; inside a caller's
		// transaction
		// (a Batch step) the connection is already there and is left as it is.
		boolean autoCommit = con.getAutoCommit();
		if (autoCommit) {
			con.setAutoCommit(false);
		}
		try {
			Map<String, Long> counts = new LinkedHashMap<>();
			Summary summary = Summary.read(con, runId, clock);
			Sheet summarySheet = wb.createSheet(SheetWriter.validSheetName(layout.summary().name()));
			for (Table table : TABLES) {
				WorkbookLayout.SheetLayout sl = layout.sheets().get(table.key());
				if (sl == null) {
					continue; // a sheet left out of workbook.yaml is not written
				}
				counts.put(table.key(), writeTable(con, runId, wb, styles, table, sl));
			}
			summary.write(summarySheet, styles, layout.summary());
			return counts;
		}
		finally {
			if (autoCommit) {
				con.rollback(); // read-only work
				con.setAutoCommit(true);
			}
		}
	}

	private long writeTable(Connection con, String runId, SXSSFWorkbook wb, Styles styles, Table table,
			WorkbookLayout.SheetLayout sl) throws SQLException {
		List<SheetWriter.Column> columns = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (WorkbookLayout.ColumnLayout c : sl.columns()) {
			keys.add(c.key());
			columns.add(new SheetWriter.Column(c.header() == null ? c.key() : c.header(), c.widthOrDefault(),
					table.kinds().get(c.key())));
		}
		SheetWriter out = new SheetWriter(wb, styles, sl.name(), columns, maxDataRowsPerSheet);
		try (PreparedStatement ps = con.prepareStatement(table.sql(), ResultSet.TYPE_FORWARD_ONLY,
				ResultSet.CONCUR_READ_ONLY)) {
			ps.setFetchSize(FETCH_SIZE);
			ps.setString(1, runId);
			try (ResultSet rs = ps.executeQuery()) {
				int[] index = new int[keys.size()];
				for (int i = 0; i < keys.size(); i++) {
					index[i] = rs.findColumn(keys.get(i));
				}
				while (rs.next()) {
					out.row();
					for (int i = 0; i < index.length; i++) {
						out.cell(i, value(rs, index[i], columns.get(i).kind()));
					}
				}
			}
		}
		out.finish();
		return out.rows();
	}

	private static Object value(ResultSet rs, int column, CellKind kind) throws SQLException {
		Object v = switch (kind) {
			case TEXT, STATUS, ISO_TEXT -> rs.getString(column);
			case INSTANT -> rs.getObject(column, OffsetDateTime.class);
			case INTEGER -> rs.getLong(column);
			case DECIMAL -> rs.getDouble(column);
			case BOOLEAN -> rs.getBoolean(column);
		};
		return rs.wasNull() ? null : v;
	}

	/**
	 * Fails fast, before any query, on a workbook.yaml that names unknown columns or bad
	 * sheet names.
	 */
	private static void validate(WorkbookLayout layout) {
		Set<String> names = new HashSet<>();
		names.add(SheetWriter.validSheetName(layout.summary().name()).toLowerCase());
		for (Map.Entry<String, WorkbookLayout.SheetLayout> e : layout.sheets().entrySet()) {
			Table table = TABLES.stream()
				.filter(t -> t.key().equals(e.getKey()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(WorkbookLayout.FILE + ": unknown sheet '" + e.getKey()
						+ "'; known: " + TABLES.stream().map(Table::key).toList()));
			WorkbookLayout.SheetLayout sl = e.getValue();
			if (sl.name() == null || !names.add(SheetWriter.validSheetName(sl.name()).toLowerCase())) {
				throw new IllegalArgumentException(WorkbookLayout.FILE + ": sheet '" + e.getKey()
						+ "' needs a name distinct from the other sheets");
			}
			if (sl.columns().isEmpty()) {
				throw new IllegalArgumentException(WorkbookLayout.FILE + ": sheet '" + e.getKey() + "' has no columns");
			}
			for (WorkbookLayout.ColumnLayout c : sl.columns()) {
				if (!table.kinds().containsKey(c.key())) {
					throw new IllegalArgumentException(WorkbookLayout.FILE + ": sheet '" + e.getKey()
							+ "' has unknown column '" + c.key() + "'; known: " + table.kinds().keySet());
				}
			}
		}
	}

	private static void moveIntoPlace(Path tmp, Path target) throws IOException {
		try {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * The Summary sheet: run facts and aggregate counts, all read with aggregate queries.
	 */
	private record Summary(Map<String, Object> facts, Map<String, Long> controlCounts, Map<String, Long> resultCounts,
			long gaps, long findings, long activeFindings, long files) {

		static final List<String> STATUSES = List.of("PASS", "FAIL", "MANUAL", "NOT_APPLICABLE", "NO_EVIDENCE");

		static Summary read(Connection con, String runId, Clock clock) throws SQLException {
			Map<String, Object> facts = new LinkedHashMap<>();
			try (PreparedStatement ps = con.prepareStatement("""
					SELECT COALESCE(o.org_id, r.org_id), COALESCE(o.management_account_id, r.management_account_id),
					       r.period, r.as_of, r.run_id, r.source,
					       (SELECT COUNT(*) FROM ev_account a WHERE a.run_id = r.run_id)
					FROM ev_run r LEFT JOIN ev_organization o ON o.run_id = r.run_id WHERE r.run_id = ?""")) {
				ps.setString(1, runId);
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalArgumentException("no evidence run with id " + runId);
					}
					facts.put("organization", rs.getString(1));
					facts.put("managementAccount", rs.getString(2));
					facts.put("period", rs.getString(3));
					facts.put("asOf", rs.getObject(4, OffsetDateTime.class));
					facts.put("runId", rs.getString(5));
					facts.put("source", rs.getString(6));
					facts.put("generatedAt", OffsetDateTime.now(clock));
					facts.put("accounts", rs.getLong(7));
				}
			}
			return new Summary(facts,
					grouped(con, "SELECT status, COUNT(*) FROM ev_control WHERE run_id = ? GROUP BY status", runId),
					grouped(con, "SELECT status, COUNT(*) FROM ev_control_result WHERE run_id = ? GROUP BY status",
							runId),
					count(con, "SELECT COUNT(*) FROM ev_gap WHERE run_id = ?", runId),
					count(con, "SELECT COUNT(*) FROM ev_finding WHERE run_id = ?", runId),
					count(con, "SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE'", runId),
					count(con, "SELECT COUNT(*) FROM ev_evidence_file WHERE run_id = ?", runId));
		}

		private static Map<String, Long> grouped(Connection con, String sql, String runId) throws SQLException {
			Map<String, Long> m = new LinkedHashMap<>();
			STATUSES.forEach(s -> m.put(s, 0L));
			try (PreparedStatement ps = con.prepareStatement(sql)) {
				ps.setString(1, runId);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						m.put(rs.getString(1), rs.getLong(2));
					}
				}
			}
			return m;
		}

		private static long count(Connection con, String sql, String runId) throws SQLException {
			try (PreparedStatement ps = con.prepareStatement(sql)) {
				ps.setString(1, runId);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
		}

		void write(Sheet sheet, Styles styles, WorkbookLayout.Summary layout) {
			for (int i = 0; i < layout.widths().size(); i++) {
				sheet.setColumnWidth(i, Math.min(layout.widths().get(i), 255) * 256);
			}
			int r = 0;
			Cell title = sheet.createRow(r++).createCell(0);
			title.setCellValue(layout.label("title"));
			title.setCellStyle(styles.get(Styles.Key.TITLE));
			r++;
			for (Map.Entry<String, Object> f : facts.entrySet()) {
				r = fact(sheet, styles, r, layout.label(f.getKey()), f.getValue());
			}
			r++;
			r = statusBlock(sheet, styles, r, layout.label("controlsHeader"), controlCounts, layout);
			r++;
			r = statusBlock(sheet, styles, r, layout.label("resultsHeader"), resultCounts, layout);
			r++;
			r = fact(sheet, styles, r, layout.label("gaps"), gaps);
			r = fact(sheet, styles, r, layout.label("findings"), findings);
			r = fact(sheet, styles, r, layout.label("activeFindings"), activeFindings);
			fact(sheet, styles, r, layout.label("evidenceFiles"), files);
		}

		private static int statusBlock(Sheet sheet, Styles styles, int r, String header, Map<String, Long> counts,
				WorkbookLayout.Summary layout) {
			Cell h = sheet.createRow(r++).createCell(0);
			h.setCellValue(header);
			h.setCellStyle(styles.get(Styles.Key.LABEL));
			int first = r;
			long total = 0;
			for (Map.Entry<String, Long> e : counts.entrySet()) {
				Row row = sheet.createRow(r++);
				Cell status = row.createCell(0);
				status.setCellValue(e.getKey());
				status.setCellStyle(styles
					.get(SheetWriter.needsQuotePrefix(e.getKey()) ? Styles.Key.TEXT_QUOTED : Styles.Key.TEXT));
				Cell n = row.createCell(1);
				n.setCellValue(e.getValue());
				n.setCellStyle(styles.get(Styles.Key.INTEGER));
				total += e.getValue();
			}
			styles.colorStatuses(sheet, 0, first, r - 1);
			return fact(sheet, styles, r, layout.label("total"), total);
		}

		private static int fact(Sheet sheet, Styles styles, int r, String label, Object value) {
			Row row = sheet.createRow(r);
			Cell l = row.createCell(0);
			l.setCellValue(label);
			l.setCellStyle(styles.get(Styles.Key.LABEL));
			Cell v = row.createCell(1);
			if (value instanceof OffsetDateTime t) {
				v.setCellValue(t.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());
				v.setCellStyle(styles.get(Styles.Key.DATE));
			}
			else if (value instanceof Number n) {
				v.setCellValue(n.doubleValue());
				v.setCellStyle(styles.get(Styles.Key.INTEGER));
			}
			else if (value != null) {
				String s = value.toString();
				v.setCellValue(s);
				v.setCellStyle(styles.get(SheetWriter.needsQuotePrefix(s) ? Styles.Key.TEXT_QUOTED : Styles.Key.TEXT));
			}
			return r + 1;
		}
	}

}
