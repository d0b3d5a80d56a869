package dev.evident.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * An Elastic Load Balancing v2 load balancer (application or network) with its listeners
 * and attributes.
 *
 * @param scheme {@code internet-facing} or {@code internal}
 * @param type {@code application} or {@code network}
 * @param securityGroups the ids of its security groups (none for a network load balancer
 * created without)
 * @param attributes every attribute DescribeLoadBalancerAttributes answers, in order
 * @param webAclArn the ARN of the regional web ACL associated with it, or null
 */
public record LoadBalancer(String arn, String name, String dnsName, String canonicalHostedZoneId, Instant createdTime,
		String scheme, String vpcId, String type, List<Zone> availabilityZones, List<String> securityGroups,
		List<Attribute> attributes, List<Listener> listeners, String webAclArn) {

	public LoadBalancer {
		availabilityZones = List.copyOf(availabilityZones);
		securityGroups = List.copyOf(securityGroups);
		attributes = List.copyOf(attributes);
		listeners = List.copyOf(listeners);
	}

	/**
	 * A zone the load balancer serves from one subnet; {@code allocationId} and
	 * {@code ipAddress} are its Elastic IP (internet-facing network load balancers with
	 * Elastic IPs only), else null.
	 */
	public record Zone(String zoneName, String subnetId, String allocationId, String ipAddress) {
	}

	/** One load balancer attribute; values are strings, as ELBv2 answers them. */
	public record Attribute(String key, String value) {
	}

	/** The value of an attribute, or null. */
	public String attribute(String key) {
		return attributes.stream().filter(a -> a.key().equals(key)).map(Attribute::value).findFirst().orElse(null);
	}

	public boolean internetFacing() {
		return "internet-facing".equals(scheme);
	}

}
