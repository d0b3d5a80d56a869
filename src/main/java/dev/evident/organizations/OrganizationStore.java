package dev.evident.organizations;

import java.util.List;

import dev.evident.evidence.Timestamps;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The organization tables of the evidence store. */
@Repository
public class OrganizationStore {

	private final JdbcTemplate jdbc;

	public OrganizationStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the run's organization rows, so that running the step again never
	 * duplicates.
	 */
	public void replace(String runId, OrganizationSnapshot s) {
		for (String table : List.of("ev_organization", "ev_org_unit", "ev_account", "ev_policy", "ev_policy_target",
				"ev_delegated_admin")) {
			jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
		}
		var o = s.organization();
		jdbc.update(
				"INSERT INTO ev_organization (run_id, org_id, arn, feature_set, management_account_id, "
						+ "management_email, root_id, scp_enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				runId, o.id(), o.arn(), o.featureSet(), o.managementAccountId(), o.managementEmail(), o.rootId(),
				o.scpEnabled());
		jdbc.batchUpdate("INSERT INTO ev_org_unit (run_id, ou_id, name, parent_id, path) VALUES (?, ?, ?, ?, ?)",
				s.units().stream().map(u -> new Object[] { runId, u.id(), u.name(), u.parentId(), u.path() }).toList());
		jdbc.batchUpdate(
				"INSERT INTO ev_account (run_id, account_id, name, email, status, joined_method, joined_at, "
						+ "parent_id, ou_path, management, in_scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				s.accounts()
					.stream()
					.map(a -> new Object[] { runId, a.id(), a.name(), a.email(), a.status(), a.joinedMethod(),
							Timestamps.utc(a.joinedAt()), a.parentId(), a.ouPath(), a.management(), a.inScope() })
					.toList());
		jdbc.batchUpdate(
				"INSERT INTO ev_policy (run_id, policy_id, name, type, aws_managed, description, content) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?)",
				s.policies()
					.stream()
					.map(p -> new Object[] { runId, p.id(), p.name(), p.type(), p.awsManaged(), p.description(),
							p.content() })
					.toList());
		jdbc.batchUpdate(
				"INSERT INTO ev_policy_target (run_id, policy_id, target_id, target_type, target_name) "
						+ "VALUES (?, ?, ?, ?, ?)",
				s.targets()
					.stream()
					.map(t -> new Object[] { runId, t.policyId(), t.targetId(), t.targetType(), t.targetName() })
					.toList());
		jdbc.batchUpdate(
				"INSERT INTO ev_delegated_admin (run_id, account_id, service_principal, name, delegated_at) "
						+ "VALUES (?, ?, ?, ?, ?)",
				s.delegatedAdmins()
					.stream()
					.map(d -> new Object[] { runId, d.accountId(), d.servicePrincipal(), d.name(),
							Timestamps.utc(d.delegatedAt()) })
					.toList());
	}

	/** The accounts of a run, ordered by id. */
	public List<Account> accounts(String runId) {
		return jdbc.query(
				"SELECT account_id, name, email, status, joined_method, joined_at, parent_id, ou_path, "
						+ "management, in_scope FROM ev_account WHERE run_id = ? ORDER BY account_id",
				(rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), Timestamps.instant(rs, "joined_at"), rs.getString(7), rs.getString(8),
						rs.getBoolean(9), rs.getBoolean(10)),
				runId);
	}

	/** The partition of the organization, from its ARN. */
	public String partition(String runId) {
		return jdbc.query("SELECT arn FROM ev_organization WHERE run_id = ?", (rs, i) -> rs.getString(1), runId)
			.stream()
			.findFirst()
			.map(arn -> arn.split(":")[1])
			.orElse("aws");
	}

	/**
	 * The delegated administrator for a service principal, if the organization has one.
	 */
	public String delegatedAdmin(String runId, String servicePrincipal) {
		return jdbc
			.query("SELECT account_id FROM ev_delegated_admin WHERE run_id = ? AND service_principal = ? "
					+ "ORDER BY account_id", (rs, i) -> rs.getString(1), runId, servicePrincipal)
			.stream()
			.findFirst()
			.orElse(null);
	}

}
