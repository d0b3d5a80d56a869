package dev.evident.simulator.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Temporary credentials the simulator issued, by access key id. */
public final class SessionStore {

	/**
	 * Every secret key the simulator issues starts with this, so that tests can look for
	 * leaks.
	 */
	public static final String SECRET_PREFIX = "simsecret-EVIDENT-CANARY-";

	/**
	 * Every session token the simulator issues starts with this, so that tests can look
	 * for leaks.
	 */
	public static final String TOKEN_PREFIX = "simtoken-EVIDENT-CANARY-";

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final AtomicLong counter = new AtomicLong();

	private final SecureRandom random = new SecureRandom();

	public Session issue(String accountId, String roleArn, String roleSessionName, String externalId, long issuedAtCall,
			int durationSeconds) {
		String keyId = String.format("ASIASIM%013d", counter.incrementAndGet());
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
		Session s = new Session(keyId, SECRET_PREFIX + HexFormat.of().formatHex(secret),
				TOKEN_PREFIX + HexFormat.of().formatHex(secret) + "-" + keyId, accountId, roleArn, roleName,
				roleSessionName, externalId, issuedAtCall, Instant.now().plusSeconds(durationSeconds));
		sessions.put(keyId, s);
		return s;
	}

	/**
	 * The session of an access key, or null when the key was not issued by the simulator.
	 */
	public Session lookup(String accessKeyId) {
		return accessKeyId == null ? null : sessions.get(accessKeyId);
	}

}
