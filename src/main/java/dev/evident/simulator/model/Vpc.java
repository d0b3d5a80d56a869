package dev.evident.simulator.model;

/**
 * A VPC; {@code name} is its Name tag (null when untagged).
 *
 * @param cidrAssociationId the id of its primary IPv4 CIDR block's association
 */
public record Vpc(String vpcId, String ownerId, String cidrBlock, String cidrAssociationId, boolean isDefault,
		String dhcpOptionsId, String name) {
}
