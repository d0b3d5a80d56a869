package dev.evident.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * An account's Shield Advanced subscription, its DDoS Response Team access and its
 * protections.
 *
 * @param autoRenew {@code ENABLED} or {@code DISABLED}
 * @param proactiveEngagementStatus {@code ENABLED}, {@code DISABLED} or {@code PENDING}
 * @param drtRoleArn the role the DDoS Response Team may assume, or null
 */
public record ShieldSubscription(String subscriptionArn, Instant startTime, Instant endTime,
		long timeCommitmentInSeconds, String autoRenew, String proactiveEngagementStatus, String drtRoleArn,
		List<String> drtLogBuckets, List<Protection> protections) {

	public ShieldSubscription {
		drtLogBuckets = List.copyOf(drtLogBuckets);
		protections = List.copyOf(protections);
	}

	/**
	 * A protected resource: an application load balancer, a CloudFront distribution or an
	 * Elastic IP allocation (what protects a network load balancer).
	 *
	 * @param resourceType the ProtectedResourceType, e.g. APPLICATION_LOAD_BALANCER
	 */
	public record Protection(String id, String name, String resourceArn, String protectionArn, String resourceType) {
	}

}
