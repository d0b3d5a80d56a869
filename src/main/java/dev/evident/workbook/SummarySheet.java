package dev.evident.workbook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Summary sheet: run facts and aggregate counts, all read with aggregate queries.
 */
record SummarySheet(Map<String, Object> facts, Map<String, Long> controlCounts, Map<String, Long> resultCounts,
		List<FrameworkTotals> frameworks, long gaps, long findings, long activeFindings, long files) {

	/** Requirement counts of one framework, per status in {@link #STATUSES} order. */
	record FrameworkTotals(String name, List<Long> counts, long total) {
	}

	static final List<String> STATUSES = List.of("PASS", "FAIL", "MANUAL", "NOT_APPLICABLE", "NO_EVIDENCE");

	static SummarySheet read(Connection con, String runId, Clock clock) throws SQLException {
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
		return new SummarySheet(facts,
				grouped(con, "SELECT status, COUNT(*) FROM ev_control WHERE run_id = ? GROUP BY status", runId),
				grouped(con, "SELECT status, COUNT(*) FROM ev_control_result WHERE run_id = ? GROUP BY status", runId),
				frameworks(con, runId), count(con, "SELECT COUNT(*) FROM ev_gap WHERE run_id = ?", runId),
				count(con, "SELECT COUNT(*) FROM ev_finding WHERE run_id = ?", runId),
				count(con, "SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE'", runId),
				count(con, "SELECT COUNT(*) FROM ev_evidence_file WHERE run_id = ?", runId));
	}

	private static List<FrameworkTotals> frameworks(Connection con, String runId) throws SQLException {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, Map<String, Long>> counts = new HashMap<>();
		try (PreparedStatement ps = con.prepareStatement("""
				SELECT f.framework_id, f.name, f.version, q.status, COUNT(q.requirement_id)
				FROM ev_framework f
				LEFT JOIN ev_framework_requirement q ON q.run_id = f.run_id AND q.framework_id = f.framework_id
				WHERE f.run_id = ? GROUP BY f.framework_id, f.name, f.version, q.status ORDER BY f.framework_id""")) {
			ps.setString(1, runId);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String version = rs.getString(3);
					names.put(rs.getString(1),
							rs.getString(2) + (version == null || version.isBlank() ? "" : " " + version));
					if (rs.getString(4) != null) {
						counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
							.put(rs.getString(4), rs.getLong(5));
					}
				}
			}
		}
		List<FrameworkTotals> out = new ArrayList<>();
		names.forEach((id, name) -> {
			Map<String, Long> c = counts.getOrDefault(id, Map.of());
			List<Long> ordered = STATUSES.stream().map(s -> c.getOrDefault(s, 0L)).toList();
			out.add(new FrameworkTotals(name, ordered, c.values().stream().mapToLong(Long::longValue).sum()));
		});
		return out;
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
		if (!frameworks.isEmpty()) {
			r = frameworkBlock(sheet, styles, r, layout) + 1;
		}
		r = fact(sheet, styles, r, layout.label("gaps"), gaps);
		r = fact(sheet, styles, r, layout.label("findings"), findings);
		r = fact(sheet, styles, r, layout.label("activeFindings"), activeFindings);
		fact(sheet, styles, r, layout.label("evidenceFiles"), files);
	}

	/**
	 * One row per framework: name, then requirement counts per status and the total
	 * (numbers).
	 */
	private int frameworkBlock(Sheet sheet, Styles styles, int r, WorkbookLayout.Summary layout) {
		Row header = sheet.createRow(r++);
		List<String> titles = new ArrayList<>();
		titles.add(layout.label("frameworksHeader"));
		titles.addAll(STATUSES);
		titles.add(layout.label("total"));
		for (int i = 0; i < titles.size(); i++) {
			Cell c = header.createCell(i);
			c.setCellValue(titles.get(i));
			c.setCellStyle(styles.get(Styles.Key.LABEL));
		}
		for (FrameworkTotals f : frameworks) {
			Row row = sheet.createRow(r++);
			Cell name = row.createCell(0);
			name.setCellValue(f.name());
			name.setCellStyle(
					styles.get(SheetWriter.needsQuotePrefix(f.name()) ? Styles.Key.TEXT_QUOTED : Styles.Key.TEXT));
			for (int i = 0; i <= f.counts().size(); i++) {
				Cell n = row.createCell(i + 1);
				n.setCellValue(i < f.counts().size() ? f.counts().get(i) : f.total());
				n.setCellStyle(styles.get(Styles.Key.INTEGER));
			}
		}
		return r;
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
			status.setCellStyle(
					styles.get(SheetWriter.needsQuotePrefix(e.getKey()) ? Styles.Key.TEXT_QUOTED : Styles.Key.TEXT));
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
