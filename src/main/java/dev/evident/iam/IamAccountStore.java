package dev.evident.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.evident.evidence.Timestamps;
import dev.evident.iam.AccountSettings.PasswordPolicy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * IAM settings and authorization details in the evidence store, replaced per run and
 * account.
 */
@Repository
public class IamAccountStore {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcTemplate jdbc;

	public IamAccountStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void replaceSettings(String runId, String accountId, AccountSettings s) {
		for (String table : List.of("ev_account_summary", "ev_password_policy", "ev_mfa_device", "ev_account_alias")) {
			jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND account_id = ?", runId, accountId);
		}
		jdbc.batchUpdate(
				"INSERT INTO ev_account_summary (run_id, account_id, summary_key, summary_value) VALUES (?, ?, ?, ?)",
				s.summary()
					.entrySet()
					.stream()
					.map(e -> new Object[] { runId, accountId, e.getKey(), e.getValue() })
					.toList());
		PasswordPolicy p = s.passwordPolicy();
		jdbc.update("INSERT INTO ev_password_policy (run_id, account_id, present, minimum_length, require_symbols, "
				+ "require_numbers, require_uppercase, require_lowercase, allow_users_to_change, expire_passwords, "
				+ "max_age_days, reuse_prevention, hard_expiry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", runId,
				accountId, p.present(), p.minimumLength(), p.requireSymbols(), p.requireNumbers(), p.requireUppercase(),
				p.requireLowercase(), p.allowUsersToChange(), p.expirePasswords(), p.maxAgeDays(), p.reusePrevention(),
				p.hardExpiry());
		jdbc.batchUpdate(
				"INSERT INTO ev_mfa_device (run_id, account_id, serial_number, user_arn, enabled_at) "
						+ "VALUES (?, ?, ?, ?, ?)",
				s.mfaDevices()
					.stream()
					.map(d -> new Object[] { runId, accountId, d.serialNumber(), d.userArn(),
							Timestamps.utc(d.enabledAt()) })
					.toList());
		jdbc.batchUpdate("INSERT INTO ev_account_alias (run_id, account_id, alias) VALUES (?, ?, ?)",
				s.aliases().stream().map(a -> new Object[] { runId, accountId, a }).toList());
	}

	public void replaceAuthorization(String runId, String accountId, AuthorizationDetails details) {
		jdbc.update("DELETE FROM ev_iam_principal WHERE run_id = ? AND account_id = ?", runId, accountId);
		jdbc.update("DELETE FROM ev_iam_policy WHERE run_id = ? AND account_id = ?", runId, accountId);
		List<Object[]> principals = new ArrayList<>();
		for (IamPrincipal p : details.principals()) {
			principals
				.add(new Object[] { runId, accountId, p.type().name(), p.name(), p.arn(), Timestamps.utc(p.createdAt()),
						String.join("\n", p.groups()), json(p.attachedPolicies()), json(p.inlinePolicies()),
						p.trustPolicy(), p.directPermissions(), p.fullAdmin(), String.join("\n", p.fullAdminVia()),
						p.serviceRole(), p.humanAssumable(), String.join("\n", p.trustedPrincipals()) });
		}
		jdbc.batchUpdate("INSERT INTO ev_iam_principal (run_id, account_id, type, name, arn, created_at, groups_list, "
				+ "attached_policies, inline_policies, trust_policy, direct_permissions, full_admin, full_admin_via, "
				+ "service_role, human_assumable, trusted_principals) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", principals);
		jdbc.batchUpdate(
				"INSERT INTO ev_iam_policy (run_id, account_id, arn, name, attachment_count, "
						+ "default_document, full_admin) VALUES (?, ?, ?, ?, ?, ?, ?)",
				details.policies()
					.stream()
					.map(p -> new Object[] { runId, accountId, p.arn(), p.name(), p.attachmentCount(), p.document(),
							p.fullAdmin() })
					.toList());
	}

	private static String json(Object value) {
		if (value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
			return null;
		}
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
