package dev.evident.simulator.service;

import dev.evident.simulator.model.FlowLog;
import dev.evident.simulator.model.NetworkAcl;
import dev.evident.simulator.model.SecurityGroup;
import dev.evident.simulator.model.Vpc;

import java.util.List;
import java.util.function.Function;

/**
 * The EC2 filters the simulator supports, per resource: for a filter name, the values of
 * that field of a resource, or null for a filter EC2 would reject.
 */
final class Ec2Filters {

	private Ec2Filters() {
	}

	static Function<Vpc, List<String>> vpc(String name) {
		return switch (name) {
			case "vpc-id" -> v -> List.of(v.vpcId());
			case "owner-id" -> v -> List.of(v.ownerId());
			case "is-default" -> v -> List.of(String.valueOf(v.isDefault()));
			case "state" -> v -> List.of("available");
			case "cidr", "cidr-block-association.cidr-block" -> v -> List.of(v.cidrBlock());
			case "cidr-block-association.association-id" -> v -> List.of(v.cidrAssociationId());
			case "dhcp-options-id" -> v -> List.of(v.dhcpOptionsId());
			case "tag:Name" -> v -> v.name() == null ? List.of() : List.of(v.name());
			case "tag-key" -> v -> v.name() == null ? List.of() : List.of("Name");
			default -> name.startsWith("tag:") ? v -> List.<String>of() : null;
		};
	}

	static Function<FlowLog, List<String>> flowLog(String name) {
		return switch (name) {
			case "flow-log-id" -> f -> List.of(f.flowLogId());
			case "resource-id" -> f -> List.of(f.resourceId());
			case "deliver-log-status" -> f -> List.of(f.deliverLogsStatus());
			case "log-destination-type" -> f -> List.of(f.logDestinationType());
			case "traffic-type" -> f -> List.of(f.trafficType());
			case "log-group-name" -> f -> f.logGroupName() == null ? List.of() : List.of(f.logGroupName());
			default -> null;
		};
	}

	static Function<SecurityGroup, List<String>> securityGroup(String name) {
		return switch (name) {
			case "group-id" -> g -> List.of(g.groupId());
			case "group-name" -> g -> List.of(g.groupName());
			case "vpc-id" -> g -> List.of(g.vpcId());
			case "owner-id" -> g -> List.of(g.ownerId());
			case "description" -> g -> List.of(g.description());
			case "ip-permission.protocol" -> g -> permissions(g.ingress(), p -> List.of(p.ipProtocol()));
			case "ip-permission.from-port" -> g -> permissions(g.ingress(), p -> ports(p.fromPort()));
			case "ip-permission.to-port" -> g -> permissions(g.ingress(), p -> ports(p.toPort()));
			case "ip-permission.cidr" -> g -> permissions(g.ingress(), p -> cidrs(p.ipv4Ranges()));
			case "ip-permission.ipv6-cidr" -> g -> permissions(g.ingress(), p -> cidrs(p.ipv6Ranges()));
			case "ip-permission.group-id" ->
				g -> permissions(g.ingress(), p -> p.groups().stream().map(SecurityGroup.GroupPair::groupId).toList());
			case "egress.ip-permission.protocol" -> g -> permissions(g.egress(), p -> List.of(p.ipProtocol()));
			case "egress.ip-permission.cidr" -> g -> permissions(g.egress(), p -> cidrs(p.ipv4Ranges()));
			case "egress.ip-permission.ipv6-cidr" -> g -> permissions(g.egress(), p -> cidrs(p.ipv6Ranges()));
			default -> null;
		};
	}

	static Function<NetworkAcl, List<String>> networkAcl(String name) {
		return switch (name) {
			case "network-acl-id" -> a -> List.of(a.networkAclId());
			case "vpc-id" -> a -> List.of(a.vpcId());
			case "default" -> a -> List.of(String.valueOf(a.isDefault()));
			case "owner-id" -> a -> List.of(a.ownerId());
			case "association.association-id" -> a -> associations(a, NetworkAcl.Association::networkAclAssociationId);
			case "association.network-acl-id" -> a -> associations(a, NetworkAcl.Association::networkAclId);
			case "association.subnet-id" -> a -> associations(a, NetworkAcl.Association::subnetId);
			case "entry.cidr" -> a -> entries(a, NetworkAcl.Entry::cidrBlock);
			case "entry.ipv6-cidr" -> a -> entries(a, NetworkAcl.Entry::ipv6CidrBlock);
			case "entry.protocol" -> a -> entries(a, NetworkAcl.Entry::protocol);
			case "entry.rule-action" -> a -> entries(a, NetworkAcl.Entry::ruleAction);
			case "entry.egress" -> a -> entries(a, e -> String.valueOf(e.egress()));
			case "entry.rule-number" -> a -> entries(a, e -> String.valueOf(e.ruleNumber()));
			case "entry.port-range.from" -> a -> entries(a, e -> e.fromPort() == null ? null : "" + e.fromPort());
			case "entry.port-range.to" -> a -> entries(a, e -> e.toPort() == null ? null : "" + e.toPort());
			default -> null;
		};
	}

	private static List<String> permissions(List<SecurityGroup.Permission> permissions,
			Function<SecurityGroup.Permission, List<String>> values) {
		return permissions.stream().flatMap(p -> values.apply(p).stream()).toList();
	}

	private static List<String> ports(Integer port) {
		return port == null ? List.of() : List.of(String.valueOf(port));
	}

	private static List<String> cidrs(List<SecurityGroup.CidrRange> ranges) {
		return ranges.stream().map(SecurityGroup.CidrRange::cidr).toList();
	}

	private static List<String> associations(NetworkAcl acl, Function<NetworkAcl.Association, String> value) {
		return acl.associations().stream().map(value).toList();
	}

	private static List<String> entries(NetworkAcl acl, Function<NetworkAcl.Entry, String> value) {
		return acl.entries().stream().map(value).filter(v -> v != null).toList();
	}

}
