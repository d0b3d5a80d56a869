package dev.evident.simulator.data;

import java.util.List;

/**
 * The entry-point parts of the data file (see {@code demo/organization.yaml}): each
 * account's load balancers and REGIONAL web ACLs per region ({@code edge:}), its
 * CloudFront distributions and CLOUDFRONT web ACLs ({@code cloudFront:}) and its Shield
 * Advanced subscription ({@code shield:}).
 */
public final class EdgeSpec {

	private EdgeSpec() {
	}

	/** An account's load balancers and REGIONAL web ACLs in one region. */
	public record RegionEdgeSpec(List<LoadBalancerSpec> loadBalancers, List<WebAclSpec> webAcls) {
		public RegionEdgeSpec {
			loadBalancers = DataFile.orEmpty(loadBalancers);
			webAcls = DataFile.orEmpty(webAcls);
		}
	}

	/**
	 * A load balancer in one of the account's VPCs of the region.
	 *
	 * @param vpc the name of the VPC (under the account's {@code network:} for the
	 * region)
	 * @param type application (default) or network
	 * @param scheme internet-facing (default) or internal
	 * @param securityGroups names of the VPC's security groups (application: default the
	 * VPC's default group; network: default none)
	 * @param elasticIps an internet-facing network load balancer with an Elastic IP per
	 * zone (default false)
	 * @param webAcl the name of a REGIONAL web ACL of the region (application only)
	 * @param ageDays when it was created (default 400)
	 */
	public record LoadBalancerSpec(String name, String vpc, String type, String scheme, List<String> securityGroups,
			boolean elasticIps, List<ListenerSpec> listeners, AttributesSpec attributes, String webAcl,
			Integer ageDays) {
		public LoadBalancerSpec {
			type = type == null ? "application" : type;
			scheme = scheme == null ? "internet-facing" : scheme;
			listeners = DataFile.orEmpty(listeners);
			attributes = attributes == null ? new AttributesSpec(false, null, null, null, false) : attributes;
			ageDays = ageDays == null ? 400 : ageDays;
		}
	}

	/**
	 * A listener.
	 *
	 * @param protocol HTTP or HTTPS (application), TCP or TLS (network)
	 * @param port default 80 for HTTP and TCP, 443 for HTTPS and TLS
	 * @param sslPolicy HTTPS and TLS only (default ELBSecurityPolicy-TLS13-1-2-2021-06)
	 * @param redirect HTTP only: redirect instead of forwarding to a target group
	 */
	public record ListenerSpec(String protocol, Integer port, String sslPolicy, RedirectSpec redirect) {
	}

	/**
	 * A redirect action.
	 *
	 * @param protocol default HTTPS
	 * @param port default 443
	 * @param statusCode 301 (default) or 302
	 */
	public record RedirectSpec(String protocol, String port, Integer statusCode) {
		public RedirectSpec {
			protocol = protocol == null ? "HTTPS" : protocol;
			port = port == null ? "443" : port;
			statusCode = statusCode == null ? 301 : statusCode;
		}
	}

	/**
	 * The attributes that differ from the AWS defaults.
	 *
	 * @param desyncMitigationMode application only: monitor, defensive (default) or
	 * strictest
	 * @param accessLogsBucket access logs enabled to this bucket; omitted = disabled
	 */
	public record AttributesSpec(boolean dropInvalidHeaderFields, String desyncMitigationMode, String accessLogsBucket,
			String accessLogsPrefix, boolean deletionProtection) {
		public AttributesSpec {
			desyncMitigationMode = desyncMitigationMode == null ? "defensive" : desyncMitigationMode;
		}
	}

	/**
	 * A web ACL.
	 *
	 * @param defaultAction allow (default) or block
	 * @param logging where its logging configuration sends logs: cloudwatch, s3 or
	 * firehose (to a destination named aws-waf-logs-NAME); omitted = no logging
	 * configuration
	 */
	public record WebAclSpec(String name, String description, String defaultAction, List<WafRuleSpec> rules,
			String logging) {
		public WebAclSpec {
			defaultAction = defaultAction == null ? "allow" : defaultAction;
			rules = DataFile.orEmpty(rules);
		}
	}

	/**
	 * A rule, in priority order: rate-based ({@code rateLimit}, {@code aggregateKey} IP
	 * (default) or FORWARDED_IP, {@code action} block (default) or count) or a managed
	 * rule group ({@code managedRuleGroup}, {@code vendor} default AWS, {@code action}
	 * none (default: the group's own actions) or count).
	 */
	public record WafRuleSpec(String name, Long rateLimit, String aggregateKey, String managedRuleGroup, String vendor,
			String action) {
	}

	/** An account's CloudFront distributions and CLOUDFRONT web ACLs. */
	public record CloudFrontSpec(List<WebAclSpec> webAcls, List<DistributionSpec> distributions) {
		public CloudFrontSpec {
			webAcls = DataFile.orEmpty(webAcls);
			distributions = DataFile.orEmpty(distributions);
		}
	}

	/**
	 * A distribution.
	 *
	 * @param name its comment, from which its id derives
	 * @param enabled default true
	 * @param aliases CNAMEs; with any, it serves an ACM certificate (TLSv1.2_2021), else
	 * the CloudFront default certificate
	 * @param origin the name of one of the account's load balancers (its DNS name, a
	 * custom origin) or a domain (an S3 origin when it contains {@code .s3.})
	 * @param viewerProtocolPolicy allow-all (default), https-only or redirect-to-https
	 * @param webAcl the name of a CLOUDFRONT web ACL of the account
	 */
	public record DistributionSpec(String name, Boolean enabled, List<String> aliases, String origin,
			String viewerProtocolPolicy, String webAcl, Integer ageDays) {
		public DistributionSpec {
			enabled = enabled == null || enabled;
			aliases = DataFile.orEmpty(aliases);
			viewerProtocolPolicy = viewerProtocolPolicy == null ? "allow-all" : viewerProtocolPolicy;
			ageDays = ageDays == null ? 300 : ageDays;
		}
	}

	/**
	 * A Shield Advanced subscription.
	 *
	 * @param autoRenew ENABLED (default) or DISABLED
	 * @param proactiveEngagement ENABLED, DISABLED (default) or PENDING
	 * @param drtRole the name of the role the DDoS Response Team may assume; omitted = no
	 * DRT access
	 * @param protections names of the account's load balancers (an application load
	 * balancer is protected itself, a network one through its Elastic IPs) and
	 * distributions
	 * @param ageDays when the one-year subscription started (default 120)
	 */
	public record ShieldSpec(String autoRenew, String proactiveEngagement, String drtRole, List<String> drtLogBuckets,
			List<String> protections, Integer ageDays) {
		public ShieldSpec {
			autoRenew = autoRenew == null ? "ENABLED" : autoRenew;
			proactiveEngagement = proactiveEngagement == null ? "DISABLED" : proactiveEngagement;
			drtLogBuckets = DataFile.orEmpty(drtLogBuckets);
			protections = DataFile.orEmpty(protections);
			ageDays = ageDays == null ? 120 : ageDays;
		}
	}

}
