package dev.evident.simulator.synthetic;

/** Stable 64-bit hashing for deterministic generation. */
final class Mix {

	private Mix() {
	}

	/**
	 * The SplitMix64 finalizer: a bijection of 64-bit values, so distinct inputs give
	 * distinct outputs.
	 */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** 64-bit FNV-1a of a string (stable across JVMs). */
	static long hash(String s) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < s.length(); i++) {
			h = (h ^ s.charAt(i)) * 0x100000001b3L;
		}
		return h;
	}

	/** 16 lower-case hex digits. */
	static String hex16(long value) {
		String hex = Long.toHexString(value);
		return "0".repeat(16 - hex.length()) + hex;
	}

}
