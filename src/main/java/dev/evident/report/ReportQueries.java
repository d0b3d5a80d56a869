package dev.evident.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import dev.evident.report.ReportModel.Artifact;
import dev.evident.report.ReportModel.Bounded;
import dev.evident.report.ReportModel.ChartBar;
import dev.evident.report.ReportModel.ControlSection;
import dev.evident.report.ReportModel.EvidenceFile;
import dev.evident.report.ReportModel.Finding;
import dev.evident.report.ReportModel.Gap;
import dev.evident.report.ReportModel.Inspector;
import dev.evident.report.ReportModel.InspectorRow;
import dev.evident.report.ReportModel.Result;
import dev.evident.report.ReportModel.Run;
import dev.evident.report.ReportModel.Scp;
import dev.evident.report.ReportModel.Segment;
import dev.evident.report.ReportModel.StatusRow;
import dev.evident.report.ReportModel.TreeLine;

/**
 * Reads the PDF's model from the evidence store: aggregate queries plus bounded lists
 * ({@link PreparedStatement#setMaxRows}), so the cost does not grow with the number of
 * findings.
 */
final class ReportQueries {

	static final List<String> STATUSES = List.of("PASS", "FAIL", "MANUAL", "NOT_APPLICABLE", "NO_EVIDENCE");
	static final List<String> RESPONSIBILITIES = List.of("AWS", "CUSTOMER", "SHARED");
	static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED");

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
			Locale.ROOT);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	/**
	 * Failures first: within a bounded list the rows an auditor needs are the ones shown.
	 */
	private static final String STATUS_RANK = "CASE %s WHEN 'FAIL' THEN 0 WHEN 'NO_EVIDENCE' THEN 1 WHEN 'MANUAL' THEN 2"
			+ " WHEN 'PASS' THEN 3 ELSE 4 END";

	private static final String SEVERITY_RANK = "CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1"
			+ " WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 WHEN 'INFORMATIONAL' THEN 4 ELSE 5 END";

	private final JdbcTemplate jdbc;

	private final PdfSettings.Limits limits;

	private final Clock clock;

	ReportQueries(JdbcTemplate jdbc, PdfSettings.Limits limits, Clock clock) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.clock = clock;
	}

	ReportModel load(String runId) {
		Run run = run(runId);
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
		return new ReportModel(run, STATUSES, rows, statusRow("TOTAL", all), chart(rows), gaps(runId), controls(runId),
				inspector(runId), orgTree(runId), scps(runId), artifacts(runId), files(runId));
	}

	private Run run(String runId) {
		try {
			return jdbc.queryForObject("""
					SELECT r.run_id, r.period, r.as_of, r.source, r.started_at,
					       COALESCE(o.org_id, r.org_id), o.arn, o.feature_set,
					       COALESCE(o.management_account_id, r.management_account_id), o.management_email,
					       o.root_id, o.scp_enabled,
					       (SELECT COUNT(*) FROM ev_account a WHERE a.run_id = r.run_id)
					FROM ev_run r LEFT JOIN ev_organization o ON o.run_id = r.run_id
					WHERE r.run_id = ?""",
					(rs, i) -> new Run(str(rs, 1), str(rs, 2), instant(rs, 3), str(rs, 4), instant(rs, 5),
							INSTANT.format(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)), str(rs, 6),
							str(rs, 7), str(rs, 8), str(rs, 9), str(rs, 10), str(rs, 11),
							rs.getObject(12) == null ? null : String.valueOf(rs.getBoolean(12)), rs.getLong(13)),
					runId);
		}
		catch (EmptyResultDataAccessException e) {
			throw new IllegalArgumentException("no evidence run with id " + runId, e);
		}
	}

	private static StatusRow statusRow(String label, Map<String, Long> counts) {
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

	private static List<ChartBar> chart(List<StatusRow> rows) {
		long max = rows.stream().mapToLong(StatusRow::total).max().orElse(0);
		List<ChartBar> bars = new ArrayList<>();
		for (StatusRow row : rows) {
			List<Segment> segments = new ArrayList<>();
			for (int i = 0; i < STATUSES.size(); i++) {
				long n = row.counts().get(i);
				if (n > 0) {
					// floor to 0.01 % so that the boxes of a full bar never exceed 100 %
					// and wrap
					double pct = Math.floor(n * 10000.0 / max) / 100.0;
					segments.add(new Segment(STATUSES.get(i), cssClass(STATUSES.get(i)), n,
							String.format(Locale.ROOT, "%.2f%%", pct)));
				}
			}
			bars.add(new ChartBar(row.responsibility(), row.total(), segments));
		}
		return bars;
	}

	static String cssClass(String status) {
		return status == null ? "st-unknown" : "st-" + status.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private Bounded<Gap> gaps(String runId) {
		List<Gap> rows = bounded("""
				SELECT g.account_id, a.name, g.source, g.error_code, g.message, g.recorded_at
				FROM ev_gap g LEFT JOIN ev_account a ON a.run_id = g.run_id AND a.account_id = g.account_id
				WHERE g.run_id = ? ORDER BY g.account_id, g.source""", limits.tableRows(),
				(rs, i) -> new Gap(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4), str(rs, 5), instant(rs, 6)), runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_gap WHERE run_id = ?", runId));
	}

	private List<ControlSection> controls(String runId) {
		record Ctl(String id, String title, String objective, String resp, String check, String status) {
		}
		List<Ctl> controls = jdbc.query("""
				SELECT control_id, title, objective, responsibility, check_id, status
				FROM ev_control WHERE run_id = ? ORDER BY control_id""",
				(rs, i) -> new Ctl(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4), str(rs, 5), str(rs, 6)), runId);
		Map<String, Map<String, Long>> counts = new HashMap<>();
		jdbc.query(
				"SELECT control_id, status, COUNT(*) FROM ev_control_result WHERE run_id = ? GROUP BY control_id, status",
				rs -> {
					counts.computeIfAbsent(str(rs, 1), k -> new HashMap<>()).put(str(rs, 2), rs.getLong(3));
				}, runId);
		String sql = """
				SELECT r.account_id, a.name, r.resource, r.status, r.reason
				FROM ev_control_result r
				LEFT JOIN ev_account a ON a.run_id = r.run_id AND a.account_id = r.account_id
				WHERE r.run_id = ? AND r.control_id = ?
				ORDER BY %s, r.account_id, r.resource""".formatted(STATUS_RANK.formatted("r.status"));
		List<ControlSection> sections = new ArrayList<>();
		int index = 0;
		for (Ctl c : controls) {
			List<Result> results = bounded(sql, limits.tableRows(), (rs, i) -> new Result(str(rs, 1), str(rs, 2),
					str(rs, 3), str(rs, 4), cssClass(str(rs, 4)), str(rs, 5)), runId, c.id());
			StatusRow perStatus = statusRow(c.id(), counts.getOrDefault(c.id(), Map.of()));
			sections.add(new ControlSection("control-" + (++index), c.id(), c.title(), c.objective(), c.resp(),
					c.check(), c.status(), cssClass(c.status()), perStatus.counts(),
					new Bounded<>(results, perStatus.total())));
		}
		return sections;
	}

	private Inspector inspector(String runId) {
		Map<String, Map<String, Long>> byAccount = new LinkedHashMap<>();
		Map<String, Long> totals = new HashMap<>();
		// accounts with the most ACTIVE findings first; the per-severity total row is
		// always complete
		jdbc.query("""
				SELECT f.account_id, f.severity, COUNT(*) FROM ev_finding f
				WHERE f.run_id = ? AND f.status = 'ACTIVE' GROUP BY f.account_id, f.severity""", rs -> {
			byAccount.computeIfAbsent(str(rs, 1), k -> new HashMap<>()).put(str(rs, 2), rs.getLong(3));
			totals.merge(str(rs, 2), rs.getLong(3), Long::sum);
		}, runId);
		Map<String, String> names = new HashMap<>();
		jdbc.query("SELECT account_id, name FROM ev_account WHERE run_id = ?", rs -> {
			names.put(str(rs, 1), str(rs, 2));
		}, runId);
		List<InspectorRow> rows = byAccount.entrySet()
			.stream()
			.map(e -> severityRow(e.getKey(), names.get(e.getKey()), e.getValue()))
			.sorted((a, b) -> a.total() != b.total() ? Long.compare(b.total(), a.total())
					: a.accountId().compareTo(b.accountId()))
			.limit(limits.inspectorAccounts())
			.toList();
		List<Finding> top = bounded("""
				SELECT f.severity, f.account_id, f.title, f.vulnerability_id, f.resource_type, f.resource_id,
				       f.inspector_score, f.first_observed_at
				FROM ev_finding f WHERE f.run_id = ? AND f.status = 'ACTIVE'
				ORDER BY %s, f.inspector_score DESC NULLS LAST, f.finding_arn""".formatted(SEVERITY_RANK),
				limits.topFindings(), (rs, i) -> {
					double score = rs.getDouble(7);
					String s = rs.wasNull() ? "" : String.format(Locale.ROOT, "%.1f", score);
					return new Finding(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4), str(rs, 5), str(rs, 6), s,
							day(rs, 8));
				}, runId);
		long active = totals.values().stream().mapToLong(Long::longValue).sum();
		return new Inspector(SEVERITIES, rows, severityRow("TOTAL", null, totals), byAccount.size(),
				new Bounded<>(top, active));
	}

	private static InspectorRow severityRow(String accountId, String name, Map<String, Long> counts) {
		List<Long> ordered = new ArrayList<>();
		long total = 0;
		for (String s : SEVERITIES) {
			ordered.add(counts.getOrDefault(s, 0L));
		}
		for (long n : counts.values()) {
			total += n;
		}
		return new InspectorRow(accountId, name, ordered, total);
	}

	private Bounded<TreeLine> orgTree(String runId) {
		int limit = limits.tableRows();
		List<Node> ous = bounded("SELECT ou_id, name, parent_id FROM ev_org_unit WHERE run_id = ? ORDER BY path, ou_id",
				limit, (rs, i) -> new Node(str(rs, 1), str(rs, 2), str(rs, 3)), runId);
		List<Acct> accounts = bounded("""
				SELECT account_id, name, status, parent_id FROM ev_account WHERE run_id = ?
				ORDER BY ou_path, name, account_id""", limit,
				(rs, i) -> new Acct(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4)), runId);
		String rootId = jdbc.query("SELECT root_id FROM ev_organization WHERE run_id = ?",
				rs -> rs.next() ? str(rs, 1) : null, runId);

		Map<String, List<Node>> childOus = new LinkedHashMap<>();
		Map<String, Node> ouById = new HashMap<>();
		for (Node n : ous) {
			childOus.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n);
			ouById.put(n.id(), n);
		}
		Map<String, List<Acct>> childAccounts = new LinkedHashMap<>();
		for (Acct a : accounts) {
			childAccounts.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a);
		}
		List<TreeLine> lines = new ArrayList<>();
		Set<String> visited = new HashSet<>();
		// roots: the organization root, then any parent we did not load (a bounded or
		// partial tree)
		List<String> roots = new ArrayList<>();
		if (rootId != null) {
			roots.add(rootId);
		}
		for (String parent : childOus.keySet()) {
			if (!ouById.containsKey(parent) && !roots.contains(parent)) {
				roots.add(parent);
			}
		}
		for (String parent : childAccounts.keySet()) {
			if (!ouById.containsKey(parent) && !roots.contains(parent)) {
				roots.add(parent);
			}
		}
		for (String root : roots) {
			lines.add(new TreeLine(0, true, root, null, null, indent(0)));
			walk(root, 1, childOus, childAccounts, lines, visited, limit);
		}
		for (Acct a : accounts) { // anything a cycle or a bound kept out of the walk
			if (!visited.contains("acct:" + a.id()) && lines.size() < limit) {
				lines.add(new TreeLine(1, false, a.id(), a.name(), a.status(), indent(1)));
			}
		}
		long total = count("SELECT COUNT(*) FROM ev_org_unit WHERE run_id = ?", runId)
				+ count("SELECT COUNT(*) FROM ev_account WHERE run_id = ?", runId) + roots.size();
		List<TreeLine> shown = lines.size() > limit ? lines.subList(0, limit) : lines;
		return new Bounded<>(List.copyOf(shown), Math.max(total, shown.size()));
	}

	private record Node(String id, String name, String parent) {
	}

	private record Acct(String id, String name, String status, String parent) {
	}

	private static void walk(String parent, int depth, Map<String, List<Node>> childOus,
			Map<String, List<Acct>> childAccounts, List<TreeLine> out, Set<String> visited, int limit) {
		if (depth > 64 || out.size() > limit) {
			return;
		}
		for (Acct a : childAccounts.getOrDefault(parent, List.of())) {
			if (visited.add("acct:" + a.id())) {
				out.add(new TreeLine(depth, false, a.id(), a.name(), a.status(), indent(depth)));
			}
		}
		for (Node n : childOus.getOrDefault(parent, List.of())) {
			if (visited.add("ou:" + n.id())) {
				out.add(new TreeLine(depth, true, n.id(), n.name(), null, indent(depth)));
				walk(n.id(), depth + 1, childOus, childAccounts, out, visited, limit);
			}
		}
	}

	private static String indent(int depth) {
		return depth * 12 + "pt";
	}

	private Bounded<Scp> scps(String runId) {
		record Target(String type, String id, String name) {
		}
		String where = "WHERE p.run_id = ? AND p.type = 'SERVICE_CONTROL_POLICY'";
		List<String[]> policies = bounded(
				"SELECT p.policy_id, p.name, p.aws_managed, p.description FROM ev_policy p " + where
						+ " ORDER BY p.name, p.policy_id",
				limits.tableRows(),
				(rs, i) -> new String[] { str(rs, 1), str(rs, 2), String.valueOf(rs.getBoolean(3)), str(rs, 4) },
				runId);
		Map<String, Long> targetCounts = new HashMap<>();
		jdbc.query("SELECT t.policy_id, COUNT(*) FROM ev_policy_target t WHERE t.run_id = ? GROUP BY t.policy_id",
				rs -> {
					targetCounts.put(str(rs, 1), rs.getLong(2));
				}, runId);
		String targetSql = """
				SELECT t.target_type, t.target_id, t.target_name FROM ev_policy_target t
				WHERE t.run_id = ? AND t.policy_id = ? ORDER BY t.target_type, t.target_name, t.target_id""";
		List<Scp> rows = new ArrayList<>();
		for (String[] p : policies) {
			List<Target> ts = bounded(targetSql, limits.scpTargets(),
					(rs, i) -> new Target(str(rs, 1), str(rs, 2), str(rs, 3)), runId, p[0]);
			StringBuilder sb = new StringBuilder();
			for (Target t : ts) {
				if (!sb.isEmpty()) {
					sb.append('\n');
				}
				sb.append(t.type()).append(' ').append(t.id());
				if (t.name() != null && !t.name().isBlank()) {
					sb.append(" (").append(t.name()).append(')');
				}
			}
			long more = targetCounts.getOrDefault(p[0], 0L) - ts.size();
			if (more > 0) {
				sb.append("\n+").append(more).append(" …");
			}
			rows.add(new Scp(p[0], p[1], Boolean.parseBoolean(p[2]), p[3], sb.toString()));
		}
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_policy p " + where, runId));
	}

	private Bounded<Artifact> artifacts(String runId) {
		List<Artifact> rows = bounded("""
				SELECT name, series, version, period_start, period_end, document_sha256 FROM ev_artifact_report
				WHERE run_id = ? ORDER BY series, name, report_id""", limits.tableRows(), (rs, i) -> {
			long v = rs.getLong(3);
			String version = rs.wasNull() ? "" : Long.toString(v);
			String from = day(rs, 4);
			String to = day(rs, 5);
			String period = from.isEmpty() && to.isEmpty() ? "" : from + " – " + to;
			return new Artifact(str(rs, 1), str(rs, 2), version, period, str(rs, 6));
		}, runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_artifact_report WHERE run_id = ?", runId));
	}

	private Bounded<EvidenceFile> files(String runId) {
		List<EvidenceFile> rows = bounded(
				"SELECT path, sha256, size_bytes FROM ev_evidence_file WHERE run_id = ? ORDER BY path",
				limits.tableRows(), (rs, i) -> new EvidenceFile(str(rs, 1), str(rs, 2), rs.getLong(3)), runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_evidence_file WHERE run_id = ?", runId));
	}

	private long count(String sql, Object... args) {
		Long n = jdbc.queryForObject(sql, Long.class, args);
		return n == null ? 0 : n;
	}

	/** At most {@code limit} rows: the driver stops reading after that many. */
	private <T> List<T> bounded(String sql, int limit, RowMapper<T> mapper, Object... args) {
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

	/**
	 * Text of a column, cleaned for the XHTML the PDF is made from (see {@link PdfText}).
	 */
	private static String str(ResultSet rs, int column) throws SQLException {
		return PdfText.clean(rs.getString(column));
	}

	static String instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? "" : INSTANT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
	}

	private static String day(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? "" : DAY.format(t.withOffsetSameInstant(ZoneOffset.UTC));
	}

}
