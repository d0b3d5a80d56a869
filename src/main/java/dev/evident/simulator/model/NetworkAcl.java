package dev.evident.simulator.model;

import java.util.List;

/** A network ACL of a VPC, with its entries and the subnets it is associated with. */
public record NetworkAcl(String networkAclId, String vpcId, boolean isDefault, String ownerId, List<Entry> entries,
		List<Association> associations) {

	public NetworkAcl {
		entries = List.copyOf(entries);
		associations = List.copyOf(associations);
	}

	/**
	 * One rule: {@code protocol} is {@code -1} (all), {@code 6} (tcp), {@code 17} (udp)
	 * or another protocol number; exactly one of the CIDR blocks is set; the ports are
	 * set for tcp and udp only.
	 *
	 * @param ruleAction allow or deny
	 */
	public record Entry(int ruleNumber, String protocol, String ruleAction, boolean egress, String cidrBlock,
			String ipv6CidrBlock, Integer fromPort, Integer toPort) {
	}

	public record Association(String networkAclAssociationId, String networkAclId, String subnetId) {
	}

}
