package dev.evident.workbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.run.ReportingPeriod;

/**
 * The data sheets of the workbook, in sheet order: the query of each (one row per store
 * row, streamed) and how each column becomes a cell.
 */
final class WorkbookTables {

	private WorkbookTables() {
	}

	/**
	 * A table of the workbook: its query (columns aliased by key), the kind of each key,
	 * and the keys computed in Java from the row and the run rather than read as a
	 * column.
	 */
	record Table(String key, String sql, Map<String, CellKind> kinds, Map<String, Derived> derived) {

		Table(String key, String sql, Map<String, CellKind> kinds) {
			this(key, sql, kinds, Map.of());
		}

	}

	/** A value computed from the current row of a table's query and the run's period. */
	@FunctionalInterface
	interface Derived {

		Object value(ResultSet rs, String period) throws SQLException;

	}

	static Map<String, CellKind> kinds(Object... keyKind) {
		Map<String, CellKind> m = new LinkedHashMap<>();
		for (int i = 0; i < keyKind.length; i += 2) {
			m.put((String) keyKind[i], (CellKind) keyKind[i + 1]);
		}
		return m;
	}

	private static final CellKind T = CellKind.TEXT;

	private static final CellKind S = CellKind.STATUS;

	private static final CellKind D = CellKind.INSTANT;

	private static final CellKind ISO = CellKind.ISO_TEXT;

	private static final CellKind I = CellKind.INTEGER;

	static final List<Table> TABLES = List.of(
			new Table("controls", """
					SELECT control_id, title, objective, responsibility, check_id, status, remediation, reference_urls
					FROM ev_control WHERE run_id = ? ORDER BY control_id""",
					kinds("control_id", T, "title", T, "objective", T, "responsibility", T, "check_id", T, "status", S,
							"remediation", T, "reference_urls", T)),
			new Table("results",
					"""
							SELECT r.control_id, r.account_id, a.name AS account_name, r.resource, r.status, r.reason, r.evidence_refs
							FROM ev_control_result r
							LEFT JOIN ev_account a ON a.run_id = r.run_id AND a.account_id = r.account_id
							WHERE r.run_id = ? ORDER BY r.control_id, r.account_id, r.resource""",
					kinds("control_id", T, "account_id", T, "account_name", T, "resource", T, "status", S, "reason", T,
							"evidence_refs", T)),
			new Table("frameworks", """
					SELECT q.framework_id, f.name AS framework_name, f.version AS framework_version, q.position,
					       q.requirement_id, q.name, q.status, q.controls
					FROM ev_framework_requirement q
					LEFT JOIN ev_framework f ON f.run_id = q.run_id AND f.framework_id = q.framework_id
					WHERE q.run_id = ? ORDER BY q.framework_id, q.position, q.requirement_id""",
					kinds("framework_id", T, "framework_name", T, "framework_version", T, "position", I,
							"requirement_id", T, "name", T, "status", S, "controls", T)),
			new Table("gaps", """
					SELECT g.account_id, a.name AS account_name, g.source, g.error_code, g.message, g.recorded_at
					FROM ev_gap g LEFT JOIN ev_account a ON a.run_id = g.run_id AND a.account_id = g.account_id
					WHERE g.run_id = ? ORDER BY g.account_id, g.source""",
					kinds("account_id", T, "account_name", T, "source", T, "error_code", T, "message", T, "recorded_at",
							D)),
			new Table("credentials", """
					SELECT * FROM ev_credential_report_row WHERE run_id = ? ORDER BY account_id, user_name""",
					kinds("account_id", T, "user_name", T, "arn", T, "user_creation_time", ISO, "password_enabled", T,
							"password_last_used", ISO, "password_last_changed", ISO, "password_next_rotation", ISO,
							"mfa_active", T, "access_key_1_active", T, "access_key_1_last_rotated", ISO,
							"access_key_1_last_used_date", ISO, "access_key_1_last_used_region", T,
							"access_key_1_last_used_service", T, "access_key_2_active", T, "access_key_2_last_rotated",
							ISO, "access_key_2_last_used_date", ISO, "access_key_2_last_used_region", T,
							"access_key_2_last_used_service", T, "cert_1_active", T, "cert_1_last_rotated", ISO,
							"cert_2_active", T, "cert_2_last_rotated", ISO)),
			new Table("findings", """
					SELECT finding_arn, account_id, region, severity, status, type, title, vulnerability_id,
					       resource_type, resource_id, inspector_score, fix_available, exploit_available,
					       first_observed_at, last_observed_at, updated_at
					FROM ev_finding WHERE run_id = ? ORDER BY account_id, finding_arn""",
					kinds("finding_arn", T, "account_id", T, "region", T, "severity", T, "status", T, "type", T,
							"title", T, "vulnerability_id", T, "resource_type", T, "resource_id", T, "inspector_score",
							CellKind.DECIMAL, "fix_available", T, "exploit_available", T, "first_observed_at", D,
							"last_observed_at", D, "updated_at", D)),
			new Table("regions",
					"""
							SELECT r.account_id, a.name AS account_name, r.region, r.opt_in_status, r.status, r.note
							FROM ev_account_region r LEFT JOIN ev_account a ON a.run_id = r.run_id AND a.account_id = r.account_id
							WHERE r.run_id = ? ORDER BY r.account_id, r.region""",
					kinds("account_id", T, "account_name", T, "region", T, "opt_in_status", T, "status", T, "note", T)),
			new Table("vpcs", """
					SELECT v.account_id, v.region, v.vpc_id, v.name, v.cidr_block, v.is_default,
					(SELECT COUNT(*) FROM ev_flow_log f WHERE f.run_id = v.run_id AND f.account_id = v.account_id
					  AND f.region = v.region AND f.resource_id = v.vpc_id) AS flow_logs,
					(SELECT COUNT(*) FROM ev_flow_log f WHERE f.run_id = v.run_id AND f.account_id = v.account_id
					  AND f.region = v.region AND f.resource_id = v.vpc_id AND f.status = 'ACTIVE'
					  AND (f.deliver_status IS NULL OR f.deliver_status <> 'FAILED')) AS active_flow_logs
					FROM ev_vpc v WHERE v.run_id = ? ORDER BY v.account_id, v.region, v.vpc_id""",
					kinds("account_id", T, "region", T, "vpc_id", T, "name", T, "cidr_block", T, "is_default",
							CellKind.BOOLEAN, "flow_logs", I, "active_flow_logs", I)),
			new Table("security_groups", """
					SELECT g.account_id, g.region, g.group_id, g.group_name, g.vpc_id, g.description,
					CASE WHEN r.egress IS NULL THEN NULL WHEN r.egress THEN 'outbound' ELSE 'inbound' END AS direction,
					r.protocol, r.from_port, r.to_port, r.source,
					CASE WHEN r.egress = FALSE AND r.source IN ('0.0.0.0/0', '::/0') THEN 'yes' ELSE NULL END
					  AS from_internet
					FROM ev_security_group g LEFT JOIN ev_security_group_rule r ON r.run_id = g.run_id
					  AND r.account_id = g.account_id AND r.region = g.region AND r.group_id = g.group_id
					WHERE g.run_id = ? ORDER BY g.account_id, g.region, g.group_id, r.rule_index""",
					kinds("account_id", T, "region", T, "group_id", T, "group_name", T, "vpc_id", T, "description", T,
							"direction", T, "protocol", T, "from_port", I, "to_port", I, "source", T, "from_internet",
							T)),
			new Table("network_acls", """
					SELECT a.account_id, a.region, a.acl_id, a.vpc_id, a.is_default,
					CASE WHEN e.egress THEN 'outbound' ELSE 'inbound' END AS direction, e.rule_number, e.protocol,
					e.rule_action, e.cidr, e.from_port, e.to_port
					FROM ev_network_acl a JOIN ev_network_acl_entry e ON e.run_id = a.run_id
					  AND e.account_id = a.account_id AND e.region = a.region AND e.acl_id = a.acl_id
					WHERE a.run_id = ? ORDER BY a.account_id, a.region, a.acl_id, e.egress, e.rule_number""",
					kinds("account_id", T, "region", T, "acl_id", T, "vpc_id", T, "is_default", CellKind.BOOLEAN,
							"direction", T, "rule_number", I, "protocol", T, "rule_action", T, "cidr", T, "from_port",
							I, "to_port", I)),
			new Table("load_balancers", """
					SELECT b.account_id, b.region, b.name, b.lb_type, b.scheme, b.vpc_id, b.drop_invalid_headers,
					b.desync_mode, b.access_logs, b.access_log_bucket,
					(SELECT MIN(w.name) FROM ev_web_acl_resource r JOIN ev_web_acl w ON w.run_id = r.run_id
					   AND w.acl_arn = r.acl_arn WHERE r.run_id = b.run_id AND r.resource_arn = b.lb_arn) AS web_acl,
					(SELECT COUNT(*) FROM ev_shield_protection p WHERE p.run_id = b.run_id
					   AND p.resource_arn = b.lb_arn) AS shield_protections,
					(SELECT COUNT(*) FROM ev_listener l WHERE l.run_id = b.run_id AND l.lb_arn = b.lb_arn
					   AND l.protocol = 'HTTP' AND (l.redirects_to IS NULL OR l.redirects_to <> 'HTTPS'))
					  AS plain_http_listeners,
					b.lb_arn
					FROM ev_load_balancer b WHERE b.run_id = ? ORDER BY b.account_id, b.region, b.name""",
					kinds("account_id", T, "region", T, "name", T, "lb_type", T, "scheme", T, "vpc_id", T,
							"drop_invalid_headers", CellKind.BOOLEAN, "desync_mode", T, "access_logs", CellKind.BOOLEAN,
							"access_log_bucket", T, "web_acl", T, "shield_protections", I, "plain_http_listeners", I,
							"lb_arn", T)),
			new Table("web_acls", """
					SELECT w.account_id, w.region, w.scope, w.name, w.rules, w.rate_based_rules, w.managed_groups,
					w.default_action, w.logging,
					(SELECT COUNT(*) FROM ev_web_acl_resource r WHERE r.run_id = w.run_id AND r.acl_arn = w.acl_arn)
					  + (SELECT COUNT(*) FROM ev_distribution d WHERE d.run_id = w.run_id AND d.web_acl_id = w.acl_arn)
					  AS associations,
					w.acl_arn
					FROM ev_web_acl w WHERE w.run_id = ? ORDER BY w.account_id, w.region, w.scope, w.name""",
					kinds("account_id", T, "region", T, "scope", T, "name", T, "rules", I, "rate_based_rules", I,
							"managed_groups", T, "default_action", T, "logging", T, "associations", I, "acl_arn", T)),
			new Table("organization", """
					SELECT account_id, name, email, status, joined_method, joined_at, parent_id, ou_path, management
					FROM ev_account WHERE run_id = ? ORDER BY ou_path, name, account_id""",
					kinds("account_id", T, "name", T, "email", T, "status", T, "joined_method", T, "joined_at", D,
							"parent_id", T, "ou_path", T, "management", CellKind.BOOLEAN)),
			new Table("scps", """
					SELECT p.policy_id, p.name, p.aws_managed, p.description, t.target_type, t.target_id, t.target_name,
					       p.content
					FROM ev_policy p
					LEFT JOIN ev_policy_target t ON t.run_id = p.run_id AND t.policy_id = p.policy_id
					WHERE p.run_id = ? AND p.type = 'SERVICE_CONTROL_POLICY'
					ORDER BY p.name, p.policy_id, t.target_type, t.target_id""",
					kinds("policy_id", T, "name", T, "aws_managed", CellKind.BOOLEAN, "description", T, "target_type",
							T, "target_id", T, "target_name", T, "content", T)),
			new Table("artifacts", """
					SELECT report_id, name, series, category, version, state, period_start, period_end,
					       document_path, document_sha256, document_size
					FROM ev_artifact_report WHERE run_id = ? ORDER BY series, name, report_id""",
					kinds("report_id", T, "name", T, "series", T, "category", T, "version", I, "state", T,
							"period_start", D, "period_end", D, "covers_period", T, "document_path", T,
							"document_sha256", T, "document_size", I),
					Map.of("covers_period", WorkbookTables::coversPeriod)),
			new Table("files", """
					SELECT path, sha256, size_bytes, operation, parameters, region, account_id, collected_at
					FROM ev_evidence_file WHERE run_id = ? ORDER BY path""", kinds("path", T, "sha256", T, "size_bytes",
					I, "operation", T, "parameters", T, "region", T, "account_id", T, "collected_at", D)));

	/** yes / no: whether an Artifact report's period covers the run's quarter. */
	private static Object coversPeriod(ResultSet rs, String period) throws SQLException {
		Boolean covers = ReportingPeriod.covers(period, rs.getObject("period_start", OffsetDateTime.class),
				rs.getObject("period_end", OffsetDateTime.class));
		return covers == null ? null : covers ? "yes" : "no";
	}

}
