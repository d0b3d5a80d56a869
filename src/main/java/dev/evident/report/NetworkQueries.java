package dev.evident.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.report.ReportModel.Bounded;
import dev.evident.report.NetworkSection.AccountRegions;
import dev.evident.report.NetworkSection.EntryPoint;
import dev.evident.report.NetworkSection.Exposure;
import dev.evident.report.NetworkSection.UnloggedVpc;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The network protection section, from the network store and the network checks' results.
 */
final class NetworkQueries extends StoreReader {

	/** The checks whose failures the section lists, with the rule that fails. */
	static final List<String> EXPOSURE_CHECKS = List.of("ec2_admin_ports_closed", "ec2_default_security_group_closed");

	private static final String WORKING_LOG = """
			EXISTS (SELECT 1 FROM ev_flow_log f WHERE f.run_id = v.run_id AND f.account_id = v.account_id
			        AND f.region = v.region AND f.resource_id = v.vpc_id AND f.status = 'ACTIVE'
			        AND (f.deliver_status IS NULL OR f.deliver_status <> 'FAILED'))""";

	NetworkQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	NetworkSection load(String runId, Map<String, String> accountNames) {
		return new NetworkSection(count("SELECT COUNT(*) FROM ev_vpc WHERE run_id = ?", runId),
				count("SELECT COUNT(*) FROM ev_vpc v WHERE v.run_id = ? AND " + WORKING_LOG, runId),
				count("SELECT COUNT(*) FROM ev_security_group WHERE run_id = ?", runId),
				count("SELECT COUNT(*) FROM ev_network_acl WHERE run_id = ?", runId), regions(runId, accountNames),
				unlogged(runId), exposures(runId, accountNames), entryPoints(runId, accountNames));
	}

	private Bounded<AccountRegions> regions(String runId, Map<String, String> accountNames) {
		Map<String, List<List<String>>> byAccount = new LinkedHashMap<>();
		jdbc.query(
				"SELECT account_id, region, status FROM ev_account_region WHERE run_id = ? ORDER BY account_id, region",
				rs -> {
					List<List<String>> lists = byAccount.computeIfAbsent(rs.getString(1),
							a -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
					int list = switch (rs.getString(3)) {
						case "COLLECTED" -> 0;
						case "NOT_ENABLED" -> 1;
						default -> 2;
					};
					lists.get(list).add(rs.getString(2));
				}, runId);
		List<AccountRegions> rows = new ArrayList<>();
		byAccount.forEach((account, lists) -> {
			if (rows.size() < limits.tableRows()) {
				rows.add(new AccountRegions(account, PdfText.clean(accountNames.get(account)), join(lists.get(0)),
						join(lists.get(1)), join(lists.get(2))));
			}
		});
		return new Bounded<>(rows, byAccount.size());
	}

	private static String join(List<String> regions) {
		return regions.isEmpty() ? "-" : String.join(", ", regions);
	}

	private Bounded<UnloggedVpc> unlogged(String runId) {
		String where = "FROM ev_vpc v WHERE v.run_id = ? AND NOT " + WORKING_LOG;
		List<UnloggedVpc> rows = bounded(
				"""
						SELECT v.account_id, v.region, v.vpc_id, v.name,
						       (SELECT COUNT(*) FROM ev_flow_log f WHERE f.run_id = v.run_id AND f.account_id = v.account_id
						               AND f.region = v.region AND f.resource_id = v.vpc_id),
						       (SELECT MIN(f.flow_log_id || ': ' || f.status || ', delivery ' || COALESCE(f.deliver_status, '-'))
						          FROM ev_flow_log f WHERE f.run_id = v.run_id AND f.account_id = v.account_id
						               AND f.region = v.region AND f.resource_id = v.vpc_id)
						"""
						+ where + " ORDER BY v.account_id, v.region, v.vpc_id",
				limits.tableRows(), (rs, i) -> new UnloggedVpc(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4),
						rs.getLong(5) == 0 ? "no flow log" : str(rs, 6)),
				runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) " + where, runId));
	}

	private Bounded<Exposure> exposures(String runId, Map<String, String> accountNames) {
		String where = """
				FROM ev_control_result r JOIN ev_control c ON c.run_id = r.run_id AND c.control_id = r.control_id
				WHERE r.run_id = ? AND r.status = 'FAIL' AND c.check_id IN (?, ?)""";
		Object[] args = { runId, EXPOSURE_CHECKS.get(0), EXPOSURE_CHECKS.get(1) };
		List<Exposure> rows = bounded(
				"SELECT r.account_id, r.control_id, r.resource, r.reason " + where
						+ " ORDER BY r.account_id, r.control_id, r.resource",
				limits.tableRows(), (rs, i) -> new Exposure(str(rs, 1),
						PdfText.clean(accountNames.get(rs.getString(1))), str(rs, 2), str(rs, 3), str(rs, 4)),
				args);
		return new Bounded<>(rows, count("SELECT COUNT(*) " + where, args));
	}

	private Bounded<EntryPoint> entryPoints(String runId, Map<String, String> accountNames) {
		List<EntryPoint> rows = new ArrayList<>(
				bounded("""
						SELECT b.account_id, b.lb_type, b.region, b.name,
						       (SELECT MIN(w.name) FROM ev_web_acl_resource r JOIN ev_web_acl w ON w.run_id = r.run_id
						          AND w.acl_arn = r.acl_arn WHERE r.run_id = b.run_id AND r.resource_arn = b.lb_arn),
						       (SELECT MAX(w.rate_based_rules) FROM ev_web_acl_resource r JOIN ev_web_acl w ON w.run_id = r.run_id
						          AND w.acl_arn = r.acl_arn WHERE r.run_id = b.run_id AND r.resource_arn = b.lb_arn),
						       (SELECT COUNT(*) FROM ev_shield_protection p WHERE p.run_id = b.run_id AND p.resource_arn = b.lb_arn)
						FROM ev_load_balancer b WHERE b.run_id = ? AND b.scheme = 'internet-facing'
						ORDER BY b.account_id, b.region, b.name""",
						limits.tableRows(),
						(rs, i) -> entryPoint(rs, accountNames, rs.getString(2) + " load balancer, " + rs.getString(3)),
						runId));
		rows.addAll(
				bounded("""
						SELECT d.account_id, 'cloudfront', 'global', d.distribution_id || ' ' || COALESCE(d.domain_name, ''),
						       (SELECT MIN(w.name) FROM ev_web_acl w WHERE w.run_id = d.run_id AND w.acl_arn = d.web_acl_id),
						       (SELECT MAX(w.rate_based_rules) FROM ev_web_acl w WHERE w.run_id = d.run_id AND w.acl_arn = d.web_acl_id),
						       (SELECT COUNT(*) FROM ev_shield_protection p WHERE p.run_id = d.run_id AND p.resource_arn = d.arn)
						FROM ev_distribution d WHERE d.run_id = ? ORDER BY d.account_id, d.distribution_id""",
						limits.tableRows(), (rs, i) -> entryPoint(rs, accountNames, "CloudFront distribution"), runId));
		long total = count("SELECT COUNT(*) FROM ev_load_balancer WHERE run_id = ? AND scheme = 'internet-facing'",
				runId) + count("SELECT COUNT(*) FROM ev_distribution WHERE run_id = ?", runId);
		rows.sort(java.util.Comparator.comparing(EntryPoint::accountId));
		return new Bounded<>(rows.subList(0, Math.min(rows.size(), limits.tableRows())), total);
	}

	private static EntryPoint entryPoint(java.sql.ResultSet rs, Map<String, String> accountNames, String kind)
			throws java.sql.SQLException {
		String acl = str(rs, 5);
		return new EntryPoint(str(rs, 1), PdfText.clean(accountNames.get(rs.getString(1))), kind, str(rs, 4), acl,
				acl == null ? "-" : rs.getInt(6) > 0 ? "yes" : "no", rs.getLong(7) > 0 ? "Advanced" : "Standard");
	}

}
