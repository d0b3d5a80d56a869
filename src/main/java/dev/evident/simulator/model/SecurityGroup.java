package dev.evident.simulator.model;

import java.util.List;

/** A VPC security group with its inbound ({@code ingress}) and outbound rules. */
public record SecurityGroup(String groupId, String groupName, String description, String vpcId, String ownerId,
		String arn, List<Permission> ingress, List<Permission> egress) {

	public SecurityGroup {
		ingress = List.copyOf(ingress);
		egress = List.copyOf(egress);
	}

	/**
	 * One rule: {@code ipProtocol} is {@code -1} (all traffic, no ports), {@code tcp},
	 * {@code udp} or {@code icmp}; the ports are null for {@code -1}.
	 */
	public record Permission(String ipProtocol, Integer fromPort, Integer toPort, List<CidrRange> ipv4Ranges,
			List<CidrRange> ipv6Ranges, List<GroupPair> groups, List<String> prefixListIds) {

		public Permission {
			ipv4Ranges = List.copyOf(ipv4Ranges);
			ipv6Ranges = List.copyOf(ipv6Ranges);
			groups = List.copyOf(groups);
			prefixListIds = List.copyOf(prefixListIds);
		}

	}

	/** An IPv4 or IPv6 CIDR of a rule; {@code description} may be null. */
	public record CidrRange(String cidr, String description) {
	}

	/** A security group a rule allows traffic from or to. */
	public record GroupPair(String groupId, String userId) {
	}

}
