package dev.evident.simulator.server;

/**
 * An error answered to the client in the service's wire protocol. Carries no stack trace.
 */
public final class SimException extends RuntimeException {

	private final String code;

	private final int status;

	public SimException(String code, int status, String message) {
		super(message, null, false, false);
		this.code = code;
		this.status = status;
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
