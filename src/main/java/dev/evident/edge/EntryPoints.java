package dev.evident.edge;

import java.util.List;

/**
 * What an account exposes at its edge, as ELBv2, WAFv2, CloudFront and Shield describe
 * it: its load balancers with their listeners and attributes, its web ACLs with what they
 * protect, its CloudFront distributions and its Shield Advanced subscription.
 */
public final class EntryPoints {

	private EntryPoints() {
	}

	/**
	 * A load balancer; {@code scheme} internet-facing or internal, {@code type}
	 * application, network or gateway; the attributes are null when not reported.
	 */
	public record LoadBalancer(String arn, String name, String type, String scheme, String vpcId, String dnsName,
			Boolean dropInvalidHeaders, String desyncMode, Boolean accessLogs, String accessLogBucket,
			List<Listener> listeners) {
	}

	/**
	 * A listener; {@code redirectsTo} is the protocol of a default redirect action (HTTPS
	 * for an HTTP-to-HTTPS redirect), or null.
	 */
	public record Listener(String arn, int port, String protocol, String sslPolicy, String defaultAction,
			String redirectsTo) {
	}

	/**
	 * A web ACL of a region ({@code scope} REGIONAL) or of CloudFront (CLOUDFRONT, read
	 * in us-east-1); {@code resources} the load balancers (and other regional resources)
	 * it is associated with; {@code loggingDestinations} empty when logging is off.
	 */
	public record WebAcl(String arn, String id, String name, String scope, int rules, int rateBasedRules,
			List<String> managedRuleGroups, String defaultAction, List<String> resources,
			List<String> loggingDestinations) {
	}

	/** A CloudFront distribution; {@code webAclId} empty or null without a web ACL. */
	public record Distribution(String id, String arn, String domainName, boolean enabled, String webAclId,
			String viewerProtocolPolicy) {
	}

	/**
	 * The account's Shield Advanced subscription ({@code state} ACTIVE or INACTIVE; the
	 * rest null when there is none) and its protections' resource ARNs.
	 */
	public record Shield(String state, String autoRenew, String proactiveEngagement, String drtRoleArn,
			List<Protection> protections) {
	}

	public record Protection(String id, String name, String resourceArn) {
	}

}
