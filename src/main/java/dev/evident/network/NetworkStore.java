package dev.evident.network;

import java.util.ArrayList;
import java.util.List;

import dev.evident.network.AccountRegions.Status;
import dev.evident.network.RegionNetwork.Entry;
import dev.evident.network.RegionNetwork.NetworkAcl;
import dev.evident.network.RegionNetwork.Rule;
import dev.evident.network.RegionNetwork.SecurityGroup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * EC2 network configuration in the evidence store: each account's regions, and per region
 * its VPCs, flow logs, security groups (one row per rule and source) and network ACL
 * entries, replaced per run, account and region.
 */
@Repository
public class NetworkStore {

	static final List<String> REGIONAL_TABLES = List.of("ev_vpc", "ev_flow_log", "ev_security_group",
			"ev_security_group_rule", "ev_network_acl", "ev_network_acl_entry");

	private final JdbcTemplate jdbc;

	public NetworkStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records how a region of an account ended; replaces an earlier record. */
	public void region(String runId, String accountId, String region, String optInStatus, Status status, String note) {
		jdbc.update("DELETE FROM ev_account_region WHERE run_id = ? AND account_id = ? AND region = ?", runId,
				accountId, region);
		jdbc.update("INSERT INTO ev_account_region (run_id, account_id, region, opt_in_status, status, note) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", runId, accountId, region, optInStatus, status.name(), note);
	}

	/** Forgets the account's regions before it is collected again. */
	public void clearAccount(String runId, String accountId) {
		jdbc.update("DELETE FROM ev_account_region WHERE run_id = ? AND account_id = ?", runId, accountId);
		for (String table : REGIONAL_TABLES) {
			jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND account_id = ?", runId, accountId);
		}
	}

	/** Replaces what is stored for the account's region with what EC2 answered. */
	public void replace(String runId, String accountId, RegionNetwork n) {
		String region = n.region();
		for (String table : REGIONAL_TABLES) {
			jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND account_id = ? AND region = ?", runId,
					accountId, region);
		}
		jdbc.batchUpdate(
				"INSERT INTO ev_vpc (run_id, account_id, region, vpc_id, cidr_block, is_default, name) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?)",
				n.vpcs()
					.stream()
					.map(v -> new Object[] { runId, accountId, region, v.id(), v.cidrBlock(), v.isDefault(), v.name() })
					.toList());
		jdbc.batchUpdate("INSERT INTO ev_flow_log (run_id, account_id, region, flow_log_id, resource_id, status, "
				+ "deliver_status, traffic_type, destination_type, destination) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				n.flowLogs()
					.stream()
					.map(f -> new Object[] { runId, accountId, region, f.id(), f.resourceId(), f.status(),
							f.deliverStatus(), f.trafficType(), f.destinationType(), f.destination() })
					.toList());
		List<Object[]> rules = new ArrayList<>();
		for (SecurityGroup g : n.groups()) {
			int index = 0;
			for (Rule r : g.rules()) {
				rules.add(new Object[] { runId, accountId, region, g.id(), index++, r.egress(), r.protocol(),
						r.fromPort(), r.toPort(), r.source() });
			}
		}
		jdbc.batchUpdate(
				"INSERT INTO ev_security_group (run_id, account_id, region, group_id, group_name, vpc_id, "
						+ "description) VALUES (?, ?, ?, ?, ?, ?, ?)",
				n.groups()
					.stream()
					.map(g -> new Object[] { runId, accountId, region, g.id(), g.name(), g.vpcId(), g.description() })
					.toList());
		jdbc.batchUpdate("INSERT INTO ev_security_group_rule (run_id, account_id, region, group_id, rule_index, "
				+ "egress, protocol, from_port, to_port, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rules);
		List<Object[]> entries = new ArrayList<>();
		for (NetworkAcl a : n.acls()) {
			for (Entry e : a.entries()) {
				entries.add(new Object[] { runId, accountId, region, a.id(), e.egress(), e.ruleNumber(), e.protocol(),
						e.action(), e.cidr(), e.fromPort(), e.toPort() });
			}
		}
		jdbc.batchUpdate(
				"INSERT INTO ev_network_acl (run_id, account_id, region, acl_id, vpc_id, is_default) "
						+ "VALUES (?, ?, ?, ?, ?, ?)",
				n.acls()
					.stream()
					.map(a -> new Object[] { runId, accountId, region, a.id(), a.vpcId(), a.isDefault() })
					.toList());
		jdbc.batchUpdate(
				"INSERT INTO ev_network_acl_entry (run_id, account_id, region, acl_id, egress, rule_number, "
						+ "protocol, rule_action, cidr, from_port, to_port) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				entries);
	}

	/**
	 * The regions of an account that the network step found enabled (collected, or
	 * refused by EC2 alone), in name order: where the other regional sources are read.
	 */
	public List<String> enabledRegions(String runId, String accountId) {
		return jdbc.queryForList("SELECT region FROM ev_account_region WHERE run_id = ? AND account_id = ? "
				+ "AND status <> 'NOT_ENABLED' ORDER BY region", String.class, runId, accountId);
	}

	/** A region of an account as the collection ended. */
	public record AccountRegion(String accountId, String region, String optInStatus, String status, String note) {
	}

	/** What results.json tells of the network: every account's regions, and counts. */
	public record Summary(List<AccountRegion> regions, long vpcs, long vpcsWithWorkingFlowLog, long securityGroups,
			long networkAcls, EntryPoints entryPoints) {
	}

	/**
	 * Counts of the entry points (the collectEntryPoints step's tables): load balancers,
	 * the internet-facing ones, web ACLs and those associated with nothing, CloudFront
	 * distributions, accounts with Shield Advanced.
	 */
	public record EntryPoints(long loadBalancers, long internetFacingLoadBalancers, long webAcls,
			long webAclsAssociatedWithNothing, long distributions, long shieldAdvancedAccounts) {
	}

	public Summary summary(String runId) {
		List<AccountRegion> regions = jdbc.query(
				"SELECT account_id, region, opt_in_status, status, note FROM ev_account_region WHERE run_id = ? "
						+ "ORDER BY account_id, region",
				(rs, i) -> new AccountRegion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)),
				runId);
		return new Summary(regions, count("SELECT COUNT(*) FROM ev_vpc WHERE run_id = ?", runId),
				count("SELECT COUNT(*) FROM ev_vpc v WHERE v.run_id = ? AND EXISTS (SELECT 1 FROM ev_flow_log f "
						+ "WHERE f.run_id = v.run_id AND f.account_id = v.account_id AND f.region = v.region "
						+ "AND f.resource_id = v.vpc_id AND f.status = 'ACTIVE' "
						+ "AND (f.deliver_status IS NULL OR f.deliver_status <> 'FAILED'))", runId),
				count("SELECT COUNT(*) FROM ev_security_group WHERE run_id = ?", runId),
				count("SELECT COUNT(*) FROM ev_network_acl WHERE run_id = ?", runId),
				new EntryPoints(count("SELECT COUNT(*) FROM ev_load_balancer WHERE run_id = ?", runId), count(
						"SELECT COUNT(*) FROM ev_load_balancer WHERE run_id = ? AND scheme = 'internet-facing'", runId),
						count("SELECT COUNT(*) FROM ev_web_acl WHERE run_id = ?", runId),
						count("SELECT COUNT(*) FROM ev_web_acl w WHERE w.run_id = ? AND NOT EXISTS (SELECT 1 FROM "
								+ "ev_web_acl_resource r WHERE r.run_id = w.run_id AND r.acl_arn = w.acl_arn) AND NOT "
								+ "EXISTS (SELECT 1 FROM ev_distribution d WHERE d.run_id = w.run_id "
								+ "AND d.web_acl_id = w.acl_arn)", runId),
						count("SELECT COUNT(*) FROM ev_distribution WHERE run_id = ?", runId),
						count("SELECT COUNT(*) FROM ev_shield_subscription WHERE run_id = ? AND state = 'ACTIVE'",
								runId)));
	}

	private long count(String sql, String runId) {
		Long n = jdbc.queryForObject(sql, Long.class, runId);
		return n == null ? 0 : n;
	}

}
