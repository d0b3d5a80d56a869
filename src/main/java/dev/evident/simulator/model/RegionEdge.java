package dev.evident.simulator.model;

import java.util.List;

/**
 * The entry points of one account in one region: its load balancers and its REGIONAL web
 * ACLs, each list in a stable order.
 */
public record RegionEdge(List<LoadBalancer> loadBalancers, List<WebAcl> webAcls) {

	/** An enabled region where the account has no load balancer and no web ACL. */
	public static final RegionEdge EMPTY = new RegionEdge(List.of(), List.of());

	public RegionEdge {
		loadBalancers = List.copyOf(loadBalancers);
		webAcls = List.copyOf(webAcls);
	}

}
