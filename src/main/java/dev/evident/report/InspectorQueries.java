package dev.evident.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.InspectorSection.Coverage;
import dev.evident.report.InspectorSection.Finding;
import dev.evident.report.InspectorSection.Row;
import dev.evident.report.InspectorSection.SlaBreach;
import dev.evident.report.ReportModel.Bounded;

/**
 * The Inspector section: aggregates by severity and account, bounded lists of the most
 * severe findings and of SLA breaches, and coverage per account and region.
 */
final class InspectorQueries extends StoreReader {

	static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED");

	private static final String SEVERITY_RANK = "CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1"
			+ " WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 WHEN 'INFORMATIONAL' THEN 4 ELSE 5 END";

	InspectorQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	InspectorSection load(String runId, OffsetDateTime asOf, Thresholds thresholds, Map<String, String> names) {
		Map<String, Map<String, Long>> byAccount = new LinkedHashMap<>();
		Map<String, Long> totals = new HashMap<>();
		jdbc.query("""
				SELECT f.account_id, f.severity, COUNT(*) FROM ev_finding f
				WHERE f.run_id = ? AND f.status = 'ACTIVE' GROUP BY f.account_id, f.severity""", rs -> {
			byAccount.computeIfAbsent(str(rs, 1), k -> new HashMap<>()).put(str(rs, 2), rs.getLong(3));
			totals.merge(str(rs, 2), rs.getLong(3), Long::sum);
		}, runId);
		// accounts with the most ACTIVE findings first; the total row is always complete
		List<Row> rows = byAccount.entrySet()
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
		return new InspectorSection(SEVERITIES, rows, severityRow("TOTAL", null, totals), byAccount.size(),
				new Bounded<>(top, active), thresholds.slaText(), thresholds.slaSource(),
				slaBreaches(runId, asOf, thresholds.slaDays()), coverage(runId));
	}

	/** ACTIVE findings first observed more than their severity's SLA before as-of. */
	private Bounded<SlaBreach> slaBreaches(String runId, OffsetDateTime asOf, Map<String, Integer> sla) {
		if (sla.isEmpty() || asOf == null) {
			return new Bounded<>(List.of(), 0);
		}
		List<Object> args = new ArrayList<>();
		args.add(runId);
		List<String> clauses = new ArrayList<>();
		sla.forEach((severity, days) -> {
			clauses.add("(f.severity = ? AND f.first_observed_at < ?)");
			args.add(severity);
			args.add(asOf.minus(Duration.ofDays(days)));
		});
		String where = "FROM ev_finding f WHERE f.run_id = ? AND f.status = 'ACTIVE' AND ("
				+ String.join(" OR ", clauses) + ")";
		List<SlaBreach> rows = bounded("""
				SELECT f.severity, f.account_id, f.title, f.vulnerability_id, f.resource_id, f.first_observed_at
				%s ORDER BY f.first_observed_at, f.finding_arn""".formatted(where), limits.slaBreaches(), (rs, i) -> {
			OffsetDateTime first = rs.getObject(6, OffsetDateTime.class);
			long age = Duration.between(first, asOf).toDays();
			return new SlaBreach(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4), str(rs, 5), day(rs, 6), age,
					sla.getOrDefault(rs.getString(1), 0));
		}, args.toArray());
		return new Bounded<>(rows, count("SELECT COUNT(*) " + where, args.toArray()));
	}

	private Bounded<Coverage> coverage(String runId) {
		String keys = """
				(SELECT account_id, region FROM ev_inspector_account WHERE run_id = ?
				 UNION SELECT DISTINCT account_id, region FROM ev_inspector_coverage WHERE run_id = ?) k""";
		List<Coverage> rows = bounded("""
				SELECT k.account_id, a.name, k.region, s.state, s.ec2, s.ecr, s.lambda, s.lambda_code, s.error_code,
				       COALESCE(c.resources, 0), COALESCE(c.not_scanned, 0)
				FROM %s
				LEFT JOIN ev_inspector_account s ON s.run_id = ? AND s.account_id = k.account_id AND s.region = k.region
				LEFT JOIN ev_account a ON a.run_id = ? AND a.account_id = k.account_id
				LEFT JOIN (SELECT account_id, region, COUNT(*) AS resources,
				                  SUM(CASE WHEN scan_status = 'ACTIVE' THEN 0 ELSE 1 END) AS not_scanned
				           FROM ev_inspector_coverage WHERE run_id = ? GROUP BY account_id, region) c
				       ON c.account_id = k.account_id AND c.region = k.region
				ORDER BY k.account_id, k.region""".formatted(keys), limits.tableRows(), (rs, i) -> {
			List<String> types = new ArrayList<>();
			String[] labels = { "EC2", "ECR", "Lambda", "Lambda code" };
			for (int t = 0; t < labels.length; t++) {
				String v = str(rs, 5 + t);
				if (v != null) {
					types.add(labels[t] + " " + v);
				}
			}
			return new Coverage(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4), String.join(", ", types), str(rs, 9),
					rs.getLong(10), rs.getLong(11));
		}, runId, runId, runId, runId, runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM " + keys, runId, runId));
	}

	private static Row severityRow(String accountId, String name, Map<String, Long> counts) {
		List<Long> ordered = new ArrayList<>();
		long total = 0;
		for (String s : SEVERITIES) {
			ordered.add(counts.getOrDefault(s, 0L));
		}
		for (long n : counts.values()) {
			total += n;
		}
		return new Row(accountId, name, ordered, total);
	}

}
