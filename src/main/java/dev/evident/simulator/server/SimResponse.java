package dev.evident.simulator.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response to write back: a body in memory, or a {@link Streamed} body written to
 * the socket as it is produced (chunked transfer encoding), for objects too large to
 * hold.
 */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers, Streamed stream) {

	public SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
		this(status, contentType, body, headers, null);
	}

	public static SimResponse of(int status, String contentType, String body) {
		return new SimResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	/** A response whose body is written by {@code stream} while it is sent. */
	public static SimResponse streamed(int status, String contentType, Streamed stream) {
		return new SimResponse(status, contentType, new byte[0], Map.of(), stream);
	}

	public SimResponse withHeader(String name, String value) {
		var all = new java.util.LinkedHashMap<>(headers);
		all.put(name, value);
		return new SimResponse(status, contentType, body, Map.copyOf(all), stream);
	}

	/** Writes a body to the client as it is generated. */
	@FunctionalInterface
	public interface Streamed {

		void writeTo(OutputStream out) throws IOException;

	}
}
