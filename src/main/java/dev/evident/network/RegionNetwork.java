package dev.evident.network;

import java.util.List;

/**
 * What EC2 answered for one account and region: its VPCs, flow logs, security groups and
 * network ACLs.
 */
public record RegionNetwork(String region, List<Vpc> vpcs, List<FlowLog> flowLogs, List<SecurityGroup> groups,
		List<NetworkAcl> acls) {

	public record Vpc(String id, String cidrBlock, boolean isDefault, String name) {
	}

	/** A flow log; {@code resourceId} is the VPC, subnet or interface it watches. */
	public record FlowLog(String id, String resourceId, String status, String deliverStatus, String trafficType,
			String destinationType, String destination) {
	}

	public record SecurityGroup(String id, String name, String vpcId, String description, List<Rule> rules) {
	}

	/**
	 * One permission for one source. {@code protocol} is {@code -1} for every protocol
	 * (no ports), else tcp, udp, icmp or a number; {@code source} is an IPv4 or IPv6
	 * CIDR, a security group id or a prefix list id.
	 */
	public record Rule(boolean egress, String protocol, Integer fromPort, Integer toPort, String source) {
	}

	public record NetworkAcl(String id, String vpcId, boolean isDefault, List<Entry> entries) {
	}

	/**
	 * A network ACL entry; {@code protocol} is the IANA number ({@code 6} tcp, {@code 17}
	 * udp) or {@code -1}; ports only for tcp and udp.
	 */
	public record Entry(int ruleNumber, boolean egress, String protocol, String action, String cidr, Integer fromPort,
			Integer toPort) {
	}

}
