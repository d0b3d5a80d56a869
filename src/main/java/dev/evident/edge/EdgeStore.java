package dev.evident.edge;

import java.util.ArrayList;
import java.util.List;

import dev.evident.edge.EntryPoints.Distribution;
import dev.evident.edge.EntryPoints.LoadBalancer;
import dev.evident.edge.EntryPoints.Shield;
import dev.evident.edge.EntryPoints.WebAcl;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * An account's entry points in the evidence store: load balancers and listeners, web ACLs
 * and their associations, CloudFront distributions, the Shield subscription and its
 * protections; each part replaced per run and account (and region) when collected again.
 */
@Repository
public class EdgeStore {

	static final List<String> TABLES = List.of("ev_load_balancer", "ev_listener", "ev_web_acl", "ev_web_acl_resource",
			"ev_distribution", "ev_shield_subscription", "ev_shield_protection");

	private final JdbcTemplate jdbc;

	public EdgeStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Forgets what the account's entry points were, before it is collected again. */
	public void clearAccount(String runId, String accountId) {
		for (String table : TABLES) {
			jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND account_id = ?", runId, accountId);
		}
	}

	public void loadBalancers(String runId, String accountId, String region, List<LoadBalancer> balancers) {
		jdbc.batchUpdate(
				"INSERT INTO ev_load_balancer (run_id, account_id, region, lb_arn, name, lb_type, scheme, "
						+ "vpc_id, dns_name, drop_invalid_headers, desync_mode, access_logs, access_log_bucket) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				balancers.stream()
					.map(b -> new Object[] { runId, accountId, region, b.arn(), b.name(), b.type(), b.scheme(),
							b.vpcId(), b.dnsName(), b.dropInvalidHeaders(), b.desyncMode(), b.accessLogs(),
							b.accessLogBucket() })
					.toList());
		List<Object[]> listeners = new ArrayList<>();
		balancers.forEach(b -> b.listeners()
			.forEach(l -> listeners.add(new Object[] { runId, accountId, b.arn(), l.arn(), l.port(), l.protocol(),
					l.sslPolicy(), l.defaultAction(), l.redirectsTo() })));
		jdbc.batchUpdate("INSERT INTO ev_listener (run_id, account_id, lb_arn, listener_arn, port, protocol, "
				+ "ssl_policy, default_action, redirects_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", listeners);
	}

	public void webAcls(String runId, String accountId, String region, List<WebAcl> acls) {
		jdbc.batchUpdate("INSERT INTO ev_web_acl (run_id, account_id, region, acl_arn, acl_id, name, scope, rules, "
				+ "rate_based_rules, managed_groups, default_action, logging) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				acls.stream()
					.map(a -> new Object[] { runId, accountId, region, a.arn(), a.id(), a.name(), a.scope(), a.rules(),
							a.rateBasedRules(), lines(a.managedRuleGroups()), a.defaultAction(),
							lines(a.loggingDestinations()) })
					.toList());
		List<Object[]> resources = new ArrayList<>();
		acls.forEach(a -> a.resources().forEach(r -> resources.add(new Object[] { runId, accountId, a.arn(), r })));
		jdbc.batchUpdate(
				"INSERT INTO ev_web_acl_resource (run_id, account_id, acl_arn, resource_arn) " + "VALUES (?, ?, ?, ?)",
				resources);
	}

	public void distributions(String runId, String accountId, List<Distribution> distributions) {
		jdbc.batchUpdate(
				"INSERT INTO ev_distribution (run_id, account_id, distribution_id, arn, domain_name, enabled, "
						+ "web_acl_id, viewer_protocol_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				distributions.stream()
					.map(d -> new Object[] { runId, accountId, d.id(), d.arn(), d.domainName(), d.enabled(),
							d.webAclId() == null || d.webAclId().isBlank() ? null : d.webAclId(),
							d.viewerProtocolPolicy() })
					.toList());
	}

	public void shield(String runId, String accountId, Shield shield) {
		jdbc.update(
				"INSERT INTO ev_shield_subscription (run_id, account_id, state, auto_renew, proactive_engagement, "
						+ "drt_role_arn) VALUES (?, ?, ?, ?, ?, ?)",
				runId, accountId, shield.state(), shield.autoRenew(), shield.proactiveEngagement(),
				shield.drtRoleArn());
		jdbc.batchUpdate(
				"INSERT INTO ev_shield_protection (run_id, account_id, protection_id, name, resource_arn) "
						+ "VALUES (?, ?, ?, ?, ?)",
				shield.protections()
					.stream()
					.map(p -> new Object[] { runId, accountId, p.id(), p.name(), p.resourceArn() })
					.toList());
	}

	private static String lines(List<String> values) {
		return values.isEmpty() ? null : String.join("\n", values);
	}

}
