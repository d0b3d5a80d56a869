package dev.evident.report;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.inspector.FindingRow;
import dev.evident.inspector.FindingShortlist;

import dev.evident.report.InspectorSection.Coverage;
import dev.evident.report.InspectorSection.Finding;
import dev.evident.report.InspectorSection.Row;
import dev.evident.report.InspectorSection.SlaBreach;
import dev.evident.report.ReportModel.Bounded;

/**
 * The Inspector section: aggregates by severity and account, bounded lists of the most
 * severe findings and of SLA breaches, and coverage per account and region. Its time does
 * not grow with the findings but for one pass over an index: the lists are ranked from
 * the findings shortlisted at ingest.
 */
final class InspectorQueries extends StoreReader {

	static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED");

	private static final Logger log = LoggerFactory.getLogger(InspectorQueries.class);

	InspectorQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	InspectorSection load(String runId, OffsetDateTime asOf, Thresholds thresholds, Map<String, String> names) {
		Map<String, Integer> sla = asOf == null ? Map.of() : thresholds.slaDays();
		Map<String, Map<String, Long>> byAccount = new LinkedHashMap<>();
		Map<String, Long> totals = new HashMap<>();
		long[] pastSla = { 0 };
		// counts read the (run, account, status, severity, first observed) index only
		List<Object> args = new ArrayList<>();
		List<String> clauses = new ArrayList<>();
		sla.forEach((severity, days) -> {
			clauses.add("(f.severity = ? AND f.first_observed_at < ?)");
			args.add(severity);
			args.add(asOf.minus(Duration.ofDays(days)));
		});
		args.add(runId);
		String breach = clauses.isEmpty() ? "0" : "CASE WHEN " + String.join(" OR ", clauses) + " THEN 1 ELSE 0 END";
		jdbc.query("""
				SELECT f.account_id, f.severity, COUNT(*), SUM(%s) FROM ev_finding f
				WHERE f.run_id = ? AND f.status = 'ACTIVE' GROUP BY f.account_id, f.severity""".formatted(breach),
				rs -> {
					byAccount.computeIfAbsent(str(rs, 1), k -> new HashMap<>()).put(str(rs, 2), rs.getLong(3));
					totals.merge(str(rs, 2), rs.getLong(3), Long::sum);
					pastSla[0] += rs.getLong(4);
				}, args.toArray());
		// accounts with the most ACTIVE findings first; the total row is always complete
		List<Row> rows = byAccount.entrySet()
			.stream()
			.map(e -> severityRow(e.getKey(), names.get(e.getKey()), e.getValue()))
			.sorted((a, b) -> a.total() != b.total() ? Long.compare(b.total(), a.total())
					: a.accountId().compareTo(b.accountId()))
			.limit(limits.inspectorAccounts())
			.toList();
		long active = totals.values().stream().mapToLong(Long::longValue).sum();
		FindingLists lists = lists(runId, asOf, sla, active);
		List<Finding> top = lists.mostSevere()
			.stream()
			.map(f -> new Finding(f.severity(), f.accountId(), PdfText.clean(f.title()),
					PdfText.clean(f.vulnerabilityId()), f.resourceType(), PdfText.clean(f.resourceId()),
					f.inspectorScore() == null ? "" : String.format(Locale.ROOT, "%.1f", f.inspectorScore()),
					day(f.firstObservedAt())))
			.toList();
		List<SlaBreach> breaches = lists.pastSla()
			.stream()
			.map(f -> new SlaBreach(f.severity(), f.accountId(), PdfText.clean(f.title()),
					PdfText.clean(f.vulnerabilityId()), PdfText.clean(f.resourceId()), day(f.firstObservedAt()),
					Duration.between(f.firstObservedAt(), asOf.toInstant()).toDays(), sla.get(f.severity())))
			.toList();
		return new InspectorSection(SEVERITIES, rows, severityRow("TOTAL", null, totals), byAccount.size(),
				new Bounded<>(top, active), thresholds.slaText(), thresholds.slaSource(),
				new Bounded<>(breaches, pastSla[0]), coverage(runId));
	}

	/**
	 * The bounded lists, ranked from the findings shortlisted while they were stored when
	 * the template's limits are within the shortlist, else from every ACTIVE finding
	 * (streamed, slower on large organizations).
	 */
	private FindingLists lists(String runId, OffsetDateTime asOf, Map<String, Integer> sla, long active) {
		FindingLists lists = new FindingLists(limits.topFindings(), limits.slaBreaches(),
				asOf == null ? null : asOf.toInstant(), sla);
		if (active == 0) {
			return lists;
		}
		boolean shortlisted = Math.max(limits.topFindings(), limits.slaBreaches()) <= FindingShortlist.SIZE;
		if (!shortlisted) {
			log.warn("The report lists more findings than are shortlisted ({}); ranking every ACTIVE finding",
					FindingShortlist.SIZE);
		}
		else if (count("SELECT COUNT(*) FROM ev_finding_shortlist WHERE run_id = ?", runId) == 0) {
			log.info("Run {} was collected before findings were shortlisted; ranking every ACTIVE finding", runId);
			shortlisted = false;
		}
		String from = shortlisted ? """
				ev_finding_shortlist s JOIN ev_finding f ON f.run_id = s.run_id AND f.finding_arn = s.finding_arn
				WHERE s.run_id = ?""" : "ev_finding f WHERE f.run_id = ?";
		jdbc.query(con -> {
			PreparedStatement ps = con.prepareStatement("""
					SELECT f.finding_arn, f.severity, f.account_id, f.title, f.vulnerability_id, f.resource_type,
					       f.resource_id, f.inspector_score, f.first_observed_at
					FROM %s AND f.status = 'ACTIVE'""".formatted(from));
			ps.setFetchSize(1000);
			ps.setString(1, runId);
			return ps;
		}, rs -> {
			double score = rs.getDouble(8);
			Double inspectorScore = rs.wasNull() ? null : score;
			OffsetDateTime first = rs.getObject(9, OffsetDateTime.class);
			lists.offer(new FindingRow(rs.getString(1), rs.getString(3), null, rs.getString(2), "ACTIVE", null,
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), inspectorScore, null, null,
					first == null ? null : first.toInstant(), null, null));
		});
		return lists;
	}

	private static String day(Instant instant) {
		return instant == null ? "" : DAY.format(instant.atOffset(ZoneOffset.UTC));
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
