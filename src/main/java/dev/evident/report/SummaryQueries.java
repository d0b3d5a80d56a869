package dev.evident.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.ReportModel.ChartBar;
import dev.evident.report.ReportModel.Segment;
import dev.evident.report.ReportModel.StatusRow;

/**
 * The executive summary: control counts by responsibility and status, requirement counts
 * by framework and status, and their bar charts.
 */
final class SummaryQueries extends StoreReader {

	static final List<String> RESPONSIBILITIES = List.of("AWS", "CUSTOMER", "SHARED");

	SummaryQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	/** One row per responsibility, then the total row (last). */
	List<StatusRow> byResponsibility(String runId) {
		Map<String, Map<String, Long>> byResp = new LinkedHashMap<>();
		RESPONSIBILITIES.forEach(r -> byResp.put(r, new HashMap<>()));
		jdbc.query(
				"SELECT responsibility, status, COUNT(*) FROM ev_control WHERE run_id = ? GROUP BY responsibility, status",
				rs -> {
					byResp.computeIfAbsent(str(rs, 1), k -> new HashMap<>()).put(str(rs, 2), rs.getLong(3));
				}, runId);
		List<StatusRow> rows = new ArrayList<>();
		Map<String, Long> all = new HashMap<>();
		byResp.forEach((resp, counts) -> {
			rows.add(statusRow(resp, counts));
			counts.forEach((s, n) -> all.merge(s, n, Long::sum));
		});
		rows.add(statusRow("TOTAL", all));
		return rows;
	}

	/** Requirement counts of every framework of the run, in framework id order. */
	List<FrameworkSection.Summary> byFramework(String runId) {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.query("SELECT framework_id, name, version FROM ev_framework WHERE run_id = ? ORDER BY framework_id",
				rs -> {
					String version = str(rs, 3);
					names.put(str(rs, 1), str(rs, 2) + (version == null || version.isBlank() ? "" : " " + version));
				}, runId);
		Map<String, Map<String, Long>> counts = new HashMap<>();
		jdbc.query("""
				SELECT framework_id, status, COUNT(*) FROM ev_framework_requirement WHERE run_id = ?
				GROUP BY framework_id, status""", rs -> {
			counts.computeIfAbsent(str(rs, 1), k -> new HashMap<>()).put(str(rs, 2), rs.getLong(3));
		}, runId);
		List<FrameworkSection.Summary> rows = new ArrayList<>();
		names.forEach((id, name) -> {
			StatusRow row = statusRow(id, counts.getOrDefault(id, Map.of()));
			List<String> percents = row.counts().stream().map(n -> percent(n, row.total())).toList();
			rows.add(new FrameworkSection.Summary(id, name, row.counts(), percents, row.total()));
		});
		return rows;
	}

	static StatusRow statusRow(String label, Map<String, Long> counts) {
		List<Long> ordered = new ArrayList<>();
		long total = 0;
		for (String s : STATUSES) {
			long n = counts.getOrDefault(s, 0L);
			ordered.add(n);
			total += n;
		}
		// statuses the store may hold beyond the known five still count in the total
		for (Map.Entry<String, Long> e : counts.entrySet()) {
			if (!STATUSES.contains(e.getKey())) {
				total += e.getValue();
			}
		}
		return new StatusRow(label, ordered, total);
	}

	/**
	 * Bars scaled to the widest bar ({@code normalize = false}) or each to its own total
	 * (100 % stacked).
	 */
	static List<ChartBar> chart(List<StatusRow> rows, boolean normalize) {
		long max = rows.stream().mapToLong(StatusRow::total).max().orElse(0);
		List<ChartBar> bars = new ArrayList<>();
		for (StatusRow row : rows) {
			long scale = normalize ? row.total() : max;
			List<Segment> segments = new ArrayList<>();
			for (int i = 0; i < STATUSES.size(); i++) {
				long n = row.counts().get(i);
				if (n > 0 && scale > 0) {
					// floor to 0.01 % of 99.9 % so that the boxes of a full bar never
					// add up to 100 % and wrap
					double pct = Math.floor(n * 9990.0 / scale) / 100.0;
					segments.add(new Segment(STATUSES.get(i), cssClass(STATUSES.get(i)), n,
							String.format(Locale.ROOT, "%.2f%%", pct)));
				}
			}
			bars.add(new ChartBar(row.responsibility(), row.total(), segments));
		}
		return bars;
	}

	static List<ChartBar> frameworkChart(List<FrameworkSection.Summary> frameworks) {
		return chart(frameworks.stream().map(f -> new StatusRow(f.name(), f.counts(), f.total())).toList(), true);
	}

}
