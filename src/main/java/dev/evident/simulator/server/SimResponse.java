package dev.evident.simulator.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response to write back. */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

	public static SimResponse of(int status, String contentType, String body) {
		return new SimResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	public SimResponse withHeader(String name, String value) {
		var all = new java.util.LinkedHashMap<>(headers);
		all.put(name, value);
		return new SimResponse(status, contentType, body, Map.copyOf(all));
	}
}
