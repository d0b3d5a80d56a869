package dev.evident.report;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.evidence.FindingRow;

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
				new Bounded<>(breaches, pastSla[0]), coverage(runId, names));
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
		boolean shortlisted = Math.max(limits.topFindings(), limits.slaBreaches()) <= FindingRow.SHORTLIST_SIZE;
		if (!shortlisted) {
			log.warn("The report lists more findings than are shortlisted ({}); ranking every ACTIVE finding",
					FindingRow.SHORTLIST_SIZE);
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

	/**
	 * Inspector per account and region: its status ({@code ev_inspector_account}) and its
	 * resources ({@code ev_inspector_coverage}, counted in one pass), joined here; a join
	 * of the grouped resources in SQL made H2 group them again for each account and
	 * region.
	 */
	private Bounded<Coverage> coverage(String runId, Map<String, String> names) {
		Map<List<String>, long[]> resources = new HashMap<>();
		jdbc.query("""
				SELECT account_id, region, COUNT(*), SUM(CASE WHEN scan_status = 'ACTIVE' THEN 0 ELSE 1 END)
				FROM ev_inspector_coverage WHERE run_id = ? GROUP BY account_id, region""", rs -> {
			resources.put(List.of(rs.getString(1), rs.getString(2)), new long[] { rs.getLong(3), rs.getLong(4) });
		}, runId);
		Map<List<String>, String[]> status = new HashMap<>();
		jdbc.query("""
				SELECT account_id, region, state, ec2, ecr, lambda, lambda_code, error_code
				FROM ev_inspector_account WHERE run_id = ?""", rs -> {
			String[] row = new String[6];
			for (int c = 0; c < row.length; c++) {
				row[c] = str(rs, 3 + c);
			}
			status.put(List.of(rs.getString(1), rs.getString(2)), row);
		}, runId);
		TreeSet<List<String>> keys = new TreeSet<>(
				Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
		keys.addAll(resources.keySet());
		keys.addAll(status.keySet());
		String[] labels = { "EC2", "ECR", "Lambda", "Lambda code" };
		List<Coverage> rows = keys.stream().limit(limits.tableRows()).map(k -> {
			String[] s = status.getOrDefault(k, new String[6]);
			List<String> types = new ArrayList<>();
			for (int t = 0; t < labels.length; t++) {
				if (s[1 + t] != null) {
					types.add(labels[t] + " " + s[1 + t]);
				}
			}
			long[] r = resources.getOrDefault(k, new long[2]);
			return new Coverage(PdfText.clean(k.get(0)), names.get(k.get(0)), PdfText.clean(k.get(1)), s[0],
					String.join(", ", types), s[5], r[0], r[1]);
		}).toList();
		return new Bounded<>(rows, keys.size());
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
