package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every member account sits in an organizational unit, not directly under the root, so
 * that OU-level guardrails apply to it. The management account is not covered.
 */
@Component
public class OrgNoAccountUnderRoot implements Check {

	@Override
	public List<String> reads() {
		return List.of("organizations:ListAccountsForParent");
	}

	private final JdbcTemplate jdbc;

	public OrgNoAccountUnderRoot(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		CollectedOrganization org = CollectedOrganization.load(jdbc, ctx.runId());
		Map<String, String> units = CollectedOrganization.unitNames(jdbc, ctx.runId());
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			String id = account.id();
			String resource = "account " + id;
			if (org == null) {
				results.add(CollectedOrganization.notCollected(id, resource, "the parent of account " + id));
			}
			else if (id.equals(org.managementAccountId()) || account.management()) {
				results.add(CheckResult.notApplicable(id, resource,
						"Account " + id + " is the management account, which this control does not cover."));
			}
			else if (!"ACTIVE".equals(account.status())) {
				results.add(CheckSupport.notActive(account));
			}
			else {
				List<String> evidence = org.evidence("ListAccountsForParent-" + account.parentId() + "-1.json");
				if (org.rootId().equals(account.parentId())) {
					results.add(CheckResult.fail(id, resource, "Account " + id + " sits directly under the root "
							+ org.rootId() + ", outside any organizational unit.", evidence));
				}
				else {
					results.add(CheckResult.pass(id, resource, "Account " + id + " is in organizational unit "
							+ account.parentId() + " (" + units.get(account.parentId()) + ").", evidence));
				}
			}
		}
		return results;
	}

}
