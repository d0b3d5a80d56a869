package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.CheckContext;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the entry point checks read from the store. */
final class EdgeEvidence {

	static final String INTERNET_FACING = "internet-facing";

	private EdgeEvidence() {
	}

	/** A load balancer with its attributes and listeners. */
	record Balancer(String arn, String name, String region, String type, String scheme, Boolean dropInvalidHeaders,
			String desyncMode, Boolean accessLogs, List<Listener> listeners) {

		boolean internetFacing() {
			return INTERNET_FACING.equals(scheme);
		}

		boolean application() {
			return "application".equals(type);
		}

	}

	record Listener(int port, String protocol, String defaultAction, String redirectsTo) {
	}

	/** A web ACL, with the ARNs of what it is associated with (regional ACLs). */
	record Acl(String arn, String name, String scope, int rules, int rateBasedRules, String logging,
			List<String> resources) {

		boolean logged() {
			return logging != null && !logging.isBlank();
		}

	}

	record Distribution(String id, String arn, String domainName, String webAclId) {
	}

	static List<Balancer> balancers(JdbcTemplate jdbc, String runId, String accountId) {
		Map<String, List<Listener>> listeners = new HashMap<>();
		jdbc.query("SELECT lb_arn, port, protocol, default_action, redirects_to FROM ev_listener "
				+ "WHERE run_id = ? AND account_id = ? ORDER BY lb_arn, port", rs -> {
					listeners.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new Listener(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
				}, runId, accountId);
		return jdbc.query(
				"SELECT lb_arn, name, region, lb_type, scheme, drop_invalid_headers, desync_mode, "
						+ "access_logs FROM ev_load_balancer WHERE run_id = ? AND account_id = ? ORDER BY region, name",
				(rs, i) -> new Balancer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), (Boolean) rs.getObject(6, Boolean.class), rs.getString(7),
						(Boolean) rs.getObject(8, Boolean.class), listeners.getOrDefault(rs.getString(1), List.of())),
				runId, accountId);
	}

	/** The account's web ACLs by ARN. */
	static Map<String, Acl> acls(JdbcTemplate jdbc, String runId, String accountId) {
		Map<String, List<String>> resources = new HashMap<>();
		jdbc.query("SELECT acl_arn, resource_arn FROM ev_web_acl_resource WHERE run_id = ? AND account_id = ? "
				+ "ORDER BY resource_arn", rs -> {
					resources.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
				}, runId, accountId);
		Map<String, Acl> acls = new java.util.LinkedHashMap<>();
		jdbc.query("SELECT acl_arn, name, scope, rules, rate_based_rules, logging FROM ev_web_acl "
				+ "WHERE run_id = ? AND account_id = ? ORDER BY acl_arn", rs -> {
					acls.put(rs.getString(1), new Acl(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
							rs.getInt(5), rs.getString(6), resources.getOrDefault(rs.getString(1), List.of())));
				}, runId, accountId);
		return acls;
	}

	static List<Distribution> distributions(JdbcTemplate jdbc, String runId, String accountId) {
		return jdbc.query(
				"SELECT distribution_id, arn, domain_name, web_acl_id FROM ev_distribution "
						+ "WHERE run_id = ? AND account_id = ? ORDER BY distribution_id",
				(rs, i) -> new Distribution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), runId,
				accountId);
	}

	/** The web ACL associated with a load balancer, or null. */
	static Acl aclOf(Map<String, Acl> acls, String resourceArn) {
		return acls.values().stream().filter(a -> a.resources().contains(resourceArn)).findFirst().orElse(null);
	}

	/**
	 * The web ACL a distribution names: WAFv2 gives its ARN (a WAF Classic id is not an
	 * ARN and is not collected: null).
	 */
	static Acl aclOf(Map<String, Acl> acls, Distribution distribution) {
		return distribution.webAclId() == null ? null : acls.get(distribution.webAclId());
	}

	/** The gap of one source of the account, as {@code source (error code)}, or null. */
	static String gap(CheckContext ctx, String accountId, String source) {
		return ctx.gaps()
			.list(ctx.runId())
			.stream()
			.filter(g -> g.accountId().equals(accountId) && g.source().equals(source))
			.map(g -> g.source() + " (" + g.errorCode() + ")")
			.findFirst()
			.orElse(null);
	}

	/** The raw files of a source of the account. */
	static List<String> files(JdbcTemplate jdbc, String runId, String accountId, String... operations) {
		List<String> paths = new ArrayList<>();
		for (String operation : operations) {
			paths.addAll(jdbc
				.queryForList("SELECT path FROM ev_evidence_file WHERE run_id = ? AND account_id = ? AND operation = ? "
						+ "ORDER BY path", String.class, runId, accountId, operation));
		}
		return paths;
	}

}
