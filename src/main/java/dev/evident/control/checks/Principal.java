package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An IAM user, group or role of ev_iam_principal, as the least-privilege checks read it.
 */
record Principal(String type, String name, String arn, List<String> attachedPolicies, List<String> inlinePolicies,
		boolean directPermissions, boolean fullAdmin, List<String> fullAdminVia, List<String> trustedPrincipals) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static List<Principal> load(JdbcTemplate jdbc, String runId, String accountId) {
		return jdbc.query("SELECT type, name, arn, attached_policies, inline_policies, direct_permissions, full_admin, "
				+ "full_admin_via, trusted_principals FROM ev_iam_principal WHERE run_id = ? AND account_id = ? "
				+ "ORDER BY type, name", (rs, i) -> {
					List<String> inline = new ArrayList<>();
					json(rs.getString("inline_policies")).fieldNames().forEachRemaining(inline::add);
					List<String> attached = new ArrayList<>();
					json(rs.getString("attached_policies")).forEach(n -> attached.add(n.asText()));
					return new Principal(rs.getString("type"), rs.getString("name"), rs.getString("arn"), attached,
							inline, rs.getBoolean("direct_permissions"), rs.getBoolean("full_admin"),
							lines(rs.getString("full_admin_via")), lines(rs.getString("trusted_principals")));
				}, runId, accountId);
	}

	/** "User alice", "Group Administrators", "Role deploy". */
	String label() {
		return type.charAt(0) + type.substring(1).toLowerCase(java.util.Locale.ROOT) + " " + name;
	}

	private static List<String> lines(String text) {
		return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).toList();
	}

	private static JsonNode json(String text) {
		try {
			return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("ev_iam_principal holds invalid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
