package dev.evident.simulator.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered to the client in the service's wire protocol. Carries no stack trace.
 */
public final class SimException extends RuntimeException {

	private final String code;

	private final int status;

	private final Map<String, String> members;

	public SimException(String code, int status, String message) {
		this(code, status, message, Map.of());
	}

	private SimException(String code, int status, String message, Map<String, String> members) {
		super(message, null, false, false);
		this.code = code;
		this.status = status;
		this.members = members;
	}

	/**
	 * The same error with one more member of the error shape (WAF's {@code Field},
	 * Shield's {@code resourceType}), which the JSON protocols write next to the message.
	 */
	public SimException with(String member, String value) {
		Map<String, String> all = new LinkedHashMap<>(members);
		all.put(member, value);
		return new SimException(code, status, getMessage(), Collections.unmodifiableMap(all));
	}

	/** The error shape's members besides the code and the message, in order. */
	public Map<String, String> members() {
		return members;
	}

	public String code() {
		return code;
	}

	public int status() {
		return status;
	}

	/**
	 * True for client (4xx) errors, which the query protocol reports as {@code Sender}.
	 */
	public boolean senderFault() {
		return status < 500;
	}

}
