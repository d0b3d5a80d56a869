package dev.evident.simulator.model;

import java.time.Instant;

/**
 * An AWS Artifact report; {@code periodEnd} after the reference instant means the report
 * is current.
 */
public record ArtifactReport(String id, String arn, String name, String description, String series, String category,
		long version, Instant periodStart, Instant periodEnd, Instant createdAt, String state, String termArn) {
}
