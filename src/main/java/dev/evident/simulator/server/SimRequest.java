package dev.evident.simulator.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request as received, with the SigV4 credential scope (access key, region,
 * service) when signed.
 *
 * @param headers header names in lower case
 */
public record SimRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
		String requestId) {

	private static final Pattern CREDENTIAL = Pattern
		.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request");

	public String header(String name) {
		List<String> values = headers.get(name.toLowerCase());
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	public String bodyString() {
		return new String(body, StandardCharsets.UTF_8);
	}

	private Matcher credential() {
		String auth = header("authorization");
		if (auth == null) {
			return null;
		}
		Matcher m = CREDENTIAL.matcher(auth);
		return m.find() ? m : null;
	}

	/** Access key id of the SigV4 signature, or null when unsigned. */
	public String accessKeyId() {
		Matcher m = credential();
		return m == null ? null : m.group(1);
	}

	/** Region of the SigV4 credential scope; us-east-1 when unsigned. */
	public String region() {
		Matcher m = credential();
		return m == null ? "us-east-1" : m.group(3);
	}

	/** Signing service of the SigV4 credential scope, or null when unsigned. */
	public String signingService() {
		Matcher m = credential();
		return m == null ? null : m.group(4);
	}

	/** Query-string parameters (first value wins). */
	public Map<String, String> queryParams() {
		return decodeForm(rawQuery);
	}

	/**
	 * Decodes an {@code application/x-www-form-urlencoded} string (first value of a name
	 * wins).
	 */
	public static Map<String, String> decodeForm(String form) {
		Map<String, String> out = new LinkedHashMap<>();
		if (form == null || form.isEmpty()) {
			return out;
		}
		for (String pair : form.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			out.putIfAbsent(key, value);
		}
		return out;
	}
}
