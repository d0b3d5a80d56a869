package dev.evident.simulator.server;

/** One simulated AWS service. */
public interface Service {

	/** SigV4 signing name, e.g. {@code sts}. */
	String name();

	Protocol protocol();

	/**
	 * Handles one call. Returns the protocol's result: an XML fragment (query protocol)
	 * or a Jackson {@code ObjectNode} (JSON protocols). Throws {@link SimException} for
	 * API errors.
	 */
	Object handle(Call call);

}
