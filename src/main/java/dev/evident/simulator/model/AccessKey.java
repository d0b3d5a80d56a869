package dev.evident.simulator.model;

import java.time.Instant;

/**
 * An IAM access key; the {@code lastUsed*} fields are null when the key was never used.
 */
public record AccessKey(String id, boolean active, Instant created, Instant lastUsed, String lastUsedService,
		String lastUsedRegion) {
}
