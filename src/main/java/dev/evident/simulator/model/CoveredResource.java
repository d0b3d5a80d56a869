package dev.evident.simulator.model;

import java.time.Instant;

/**
 * A resource Inspector2 scans (one entry of ListCoverage).
 *
 * @param resourceType AWS_EC2_INSTANCE, AWS_ECR_CONTAINER_IMAGE or AWS_LAMBDA_FUNCTION
 * @param scanType PACKAGE, NETWORK or CODE
 */
public record CoveredResource(String accountId, String region, String resourceType, String resourceId, String scanType,
		Instant lastScannedAt) {
}
