package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Service control policies are enabled and every organizational unit is restricted by a
 * policy other than AWS's FullAWSAccess, attached to the OU or to one of its parents.
 */
@Component
public class OrgScpAttached implements Check {

	@Override
	public List<String> reads() {
		return List.of("organizations:ListRoots", "organizations:ListPolicies", "organizations:ListTargetsForPolicy");
	}

	static final String FULL_AWS_ACCESS = "p-FullAWSAccess";

	private final JdbcTemplate jdbc;

	public OrgScpAttached(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		CollectedOrganization org = CollectedOrganization.load(jdbc, ctx.runId());
		String mgmt = org == null ? ctx.managementAccountId() : org.managementAccountId();
		if (org == null) {
			return List.of(CollectedOrganization.notCollected(mgmt, "organization", "its service control policies"));
		}
		if (!org.scpEnabled()) {
			return List
				.of(CheckResult.fail(mgmt, org.resource(),
						"Service control policies are not enabled in " + "organization " + org.id()
								+ ", so no organizational unit is restricted by one.",
						org.evidence("ListRoots-1.json")));
		}
		Map<String, List<String>> attached = new LinkedHashMap<>();
		jdbc.query(
				"SELECT t.target_id, p.name FROM ev_policy_target t JOIN ev_policy p ON p.run_id = t.run_id "
						+ "AND p.policy_id = t.policy_id WHERE t.run_id = ? AND t.policy_id <> ? ORDER BY p.name",
				rs -> {
					attached.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				}, ctx.runId(), FULL_AWS_ACCESS);
		Map<String, String> names = CollectedOrganization.unitNames(jdbc, ctx.runId());
		List<String> evidence = new ArrayList<>(org.evidence("ListPolicies-SERVICE_CONTROL_POLICY-1.json"));
		evidence
			.addAll(CheckSupport.evidence(jdbc, ctx.runId(), mgmt, "organizations:ListTargetsForPolicy", org.file("")));
		List<CheckResult> results = new ArrayList<>();
		jdbc.query("SELECT ou_id, path FROM ev_org_unit WHERE run_id = ? ORDER BY path", rs -> {
			String ou = rs.getString(1);
			String resource = ou + " (" + names.get(ou) + ")";
			List<String> ancestors = new ArrayList<>(List.of(rs.getString(2).substring(1).split("/")));
			java.util.Collections.reverse(ancestors);
			List<String> found = new ArrayList<>();
			for (String target : ancestors) {
				String where = target.equals(ou) ? "the OU itself"
						: target.equals(org.rootId()) ? "the root " + target : "parent OU " + target;
				attached.getOrDefault(target, List.of()).forEach(p -> found.add(p + " (attached to " + where + ")"));
			}
			if (found.isEmpty()) {
				results
					.add(CheckResult.fail(mgmt, resource,
							"Organizational unit " + resource + " has no service "
									+ "control policy other than FullAWSAccess, on itself or on any parent.",
							evidence));
			}
			else {
				results.add(CheckResult.pass(mgmt, resource,
						"Organizational unit " + resource + " is restricted by " + String.join(", ", found) + ".",
						evidence));
			}
		}, ctx.runId());
		if (results.isEmpty()) {
			results.add(CheckResult.notApplicable(mgmt, org.resource(),
					"Organization " + org.id() + " has no organizational unit."));
		}
		return results;
	}

}
