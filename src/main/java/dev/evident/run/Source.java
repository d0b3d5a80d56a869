package dev.evident.run;

import java.util.Locale;

/** Where evidence comes from. */
public enum Source {

	/**
	 * Real AWS through the SDK's default credentials chain, region and endpoint settings.
	 */
	AWS,

	/** The bundled AWS-compatible simulator serving the demo organization on loopback. */
	DEMO;

	public static Source parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown source '" + text + "'; expected aws or demo");
		}
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
