package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the network checks read from the store. */
final class NetworkEvidence {

	private NetworkEvidence() {
	}

	/** A region of an account, as the collection ended: COLLECTED, NOT_ENABLED or GAP. */
	record AccountRegion(String region, String status, String note) {
	}

	/** One permission of a security group for one source. */
	record GroupRule(String groupId, String groupName, String vpcId, boolean egress, String protocol, Integer fromPort,
			Integer toPort, String source) {
	}

	/** A network ACL with its entries, in rule order. */
	record Acl(String id, String vpcId, boolean isDefault, List<AclEntry> entries) {
	}

	/** One entry of a network ACL. */
	record AclEntry(boolean egress, int ruleNumber, String protocol, String action, String cidr, Integer fromPort,
			Integer toPort) {
	}

	/** Every account's regions, in region order. */
	static Map<String, List<AccountRegion>> regions(JdbcTemplate jdbc, String runId) {
		Map<String, List<AccountRegion>> regions = new LinkedHashMap<>();
		jdbc.query("SELECT account_id, region, status, note FROM ev_account_region WHERE run_id = ? "
				+ "ORDER BY account_id, region", rs -> {
					regions.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
						.add(new AccountRegion(rs.getString(2), rs.getString(3), rs.getString(4)));
				}, runId);
		return regions;
	}

	/** The raw files of these EC2 operations for one account and region. */
	static List<String> files(JdbcTemplate jdbc, String runId, String accountId, String region,
			List<String> operations) {
		List<String> paths = new ArrayList<>();
		for (String operation : operations) {
			paths.addAll(jdbc.queryForList(
					"SELECT path FROM ev_evidence_file WHERE run_id = ? AND account_id = ? AND region = ? "
							+ "AND operation = ? ORDER BY path",
					String.class, runId, accountId, region, "ec2:" + operation));
		}
		return paths;
	}

	static List<GroupRule> rules(JdbcTemplate jdbc, String runId, String accountId, String region) {
		return jdbc.query(
				"SELECT g.group_id, g.group_name, g.vpc_id, r.egress, r.protocol, r.from_port, r.to_port, "
						+ "r.source FROM ev_security_group g JOIN ev_security_group_rule r ON r.run_id = g.run_id "
						+ "AND r.account_id = g.account_id AND r.region = g.region AND r.group_id = g.group_id "
						+ "WHERE g.run_id = ? AND g.account_id = ? AND g.region = ? ORDER BY g.group_id, r.rule_index",
				(rs, i) -> new GroupRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						rs.getString(5), (Integer) rs.getObject(6, Integer.class),
						(Integer) rs.getObject(7, Integer.class), rs.getString(8)),
				runId, accountId, region);
	}

	/** Security groups as {@code id -> name}, with their VPC, in id order. */
	static List<String[]> groups(JdbcTemplate jdbc, String runId, String accountId, String region) {
		return jdbc.query(
				"SELECT group_id, group_name, vpc_id FROM ev_security_group WHERE run_id = ? AND account_id = ? "
						+ "AND region = ? ORDER BY group_id",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }, runId, accountId,
				region);
	}

	/**
	 * The network ACLs of one account and region, each with its entries in rule order.
	 */
	static List<Acl> acls(JdbcTemplate jdbc, String runId, String accountId, String region) {
		Map<String, List<AclEntry>> entries = new LinkedHashMap<>();
		jdbc.query("SELECT acl_id, egress, rule_number, protocol, rule_action, cidr, from_port, to_port "
				+ "FROM ev_network_acl_entry WHERE run_id = ? AND account_id = ? AND region = ? "
				+ "ORDER BY acl_id, egress, rule_number", rs -> {
					entries.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
						.add(new AclEntry(rs.getBoolean(2), rs.getInt(3), rs.getString(4), rs.getString(5),
								rs.getString(6), (Integer) rs.getObject(7, Integer.class),
								(Integer) rs.getObject(8, Integer.class)));
				}, runId, accountId, region);
		return jdbc.query(
				"SELECT acl_id, vpc_id, is_default FROM ev_network_acl WHERE run_id = ? AND account_id = ? "
						+ "AND region = ? ORDER BY acl_id",
				(rs, i) -> new Acl(rs.getString(1), rs.getString(2), rs.getBoolean(3),
						entries.getOrDefault(rs.getString(1), List.of())),
				runId, accountId, region);
	}

}
