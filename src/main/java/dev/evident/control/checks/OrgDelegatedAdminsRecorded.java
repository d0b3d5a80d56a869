package dev.evident.control.checks;

import java.util.List;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records, for review, every delegated administrator account of the organization and the
 * service it administers. It passes whenever the organization was collected.
 */
@Component
public class OrgDelegatedAdminsRecorded implements Check {

	@Override
	public List<String> reads() {
		return List.of("organizations:ListDelegatedAdministrators");
	}

	private final JdbcTemplate jdbc;

	public OrgDelegatedAdminsRecorded(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		CollectedOrganization org = CollectedOrganization.load(jdbc, ctx.runId());
		if (org == null) {
			return List.of(CollectedOrganization.notCollected(ctx.managementAccountId(), "delegated administrators",
					"its delegated administrators"));
		}
		List<String> admins = jdbc.query(
				"SELECT d.account_id, d.service_principal, d.name, d.delegated_at FROM ev_delegated_admin d "
						+ "WHERE d.run_id = ? ORDER BY d.account_id, d.service_principal",
				(rs, i) -> rs.getString(1) + (rs.getString(3) == null ? "" : " (" + rs.getString(3) + ")") + " for "
						+ rs.getString(2)
						+ (rs.getObject(4) == null ? "" : " since "
								+ CheckSupport.date(rs.getObject(4, java.time.OffsetDateTime.class).toInstant())),
				ctx.runId());
		String resource = "delegated administrators of " + org.id();
		List<String> evidence = CheckSupport.evidence(jdbc, ctx.runId(), org.managementAccountId(),
				"organizations:ListDelegatedAdministrators", org.file("ListDelegatedAdministrators-1.json"));
		if (admins.isEmpty()) {
			return List.of(CheckResult.pass(org.managementAccountId(), resource,
					"Organization " + org.id() + " has no delegated administrator account.", evidence));
		}
		return List.of(
				CheckResult
					.pass(org.managementAccountId(), resource,
							"Organization " + org.id() + " has " + admins.size() + " delegated administrator"
									+ (admins.size() == 1 ? "" : "s") + ": " + String.join("; ", admins) + ".",
							evidence));
	}

}
