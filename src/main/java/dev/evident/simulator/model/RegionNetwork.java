package dev.evident.simulator.model;

import java.util.List;

/**
 * The network resources of one account in one region, each list in a stable order.
 */
public record RegionNetwork(List<Vpc> vpcs, List<FlowLog> flowLogs, List<SecurityGroup> securityGroups,
		List<NetworkAcl> networkAcls) {

	/** An enabled region where the account has nothing (not even a default VPC). */
	public static final RegionNetwork EMPTY = new RegionNetwork(List.of(), List.of(), List.of(), List.of());

	public RegionNetwork {
		vpcs = List.copyOf(vpcs);
		flowLogs = List.copyOf(flowLogs);
		securityGroups = List.copyOf(securityGroups);
		networkAcls = List.copyOf(networkAcls);
	}

}
