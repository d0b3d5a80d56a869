package dev.evident.simulator.model;

import java.util.List;

/**
 * The global entry points of one account: its CloudFront distributions, its CLOUDFRONT
 * web ACLs (read in us-east-1) and its Shield Advanced subscription.
 *
 * @param shield the subscription, or null when the account has none
 */
public record GlobalEdge(List<Distribution> distributions, List<WebAcl> cloudFrontWebAcls, ShieldSubscription shield) {

	/** No distribution, no CLOUDFRONT web ACL and no Shield Advanced. */
	public static final GlobalEdge EMPTY = new GlobalEdge(List.of(), List.of(), null);

	public GlobalEdge {
		distributions = List.copyOf(distributions);
		cloudFrontWebAcls = List.copyOf(cloudFrontWebAcls);
	}

}
