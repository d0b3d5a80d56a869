package dev.evident.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.ReportModel.Bounded;
import dev.evident.report.ReportModel.Scp;
import dev.evident.report.ReportModel.TreeLine;

/**
 * The organization section: the OU tree with its accounts, and the SCPs with their
 * targets.
 */
final class OrganizationQueries extends StoreReader {

	OrganizationQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	Bounded<TreeLine> tree(String runId) {
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

	Bounded<Scp> scps(String runId) {
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

}
