package dev.evident.simulator.server;

import java.time.Instant;

/** Temporary credentials issued by {@code sts:AssumeRole}. */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, String accountId, String roleArn,
		String roleName, String roleSessionName, String externalId, long issuedAtCall, Instant expiration) {
}
