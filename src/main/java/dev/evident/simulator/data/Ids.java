package dev.evident.simulator.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Deterministic identifiers and timestamps derived from stable strings. */
public final class Ids {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Ids() {
	}

	static byte[] sha256(String input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * {@code prefix} followed by {@code length} upper-case base32 characters derived from
	 * {@code salt}.
	 */
	public static String of(String prefix, String salt, int length) {
		byte[] hash = sha256(salt);
		StringBuilder sb = new StringBuilder(prefix);
		for (int i = 0; i < length; i++) {
			sb.append(ALPHABET.charAt((hash[i % hash.length] & 0xff) % 32));
		}
		return sb.toString();
	}

	/** Lower-case hex of the given length (at most 64) derived from {@code salt}. */
	public static String hex(String salt, int length) {
		return HexFormat.of().formatHex(sha256(salt)).substring(0, length);
	}

	/** A lower-case UUID-shaped id (8-4-4-4-12 hex digits) derived from {@code salt}. */
	public static String uuid(String salt) {
		String h = hex(salt, 32);
		return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
				+ "-" + h.substring(20);
	}

	/**
	 * {@code days} days before {@code reference}, shifted back by a salt-derived offset
	 * of up to ten hours so that timestamps look natural; truncated to whole seconds.
	 */
	public static Instant daysAgo(Instant reference, long days, String salt) {
		byte[] hash = sha256(salt);
		long offset = ((hash[0] & 0xffL) << 8 | (hash[1] & 0xffL)) % 36_000;
		return reference.minus(Duration.ofDays(days)).minusSeconds(offset).truncatedTo(ChronoUnit.SECONDS);
	}

}
