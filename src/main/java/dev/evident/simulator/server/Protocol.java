package dev.evident.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** An AWS wire protocol: decodes operations and inputs, encodes results and errors. */
public interface Protocol {

	/** The operation name of a request; throws {@link SimException} when unknown. */
	String operation(SimRequest request);

	/** Parameters (query protocol: form body; rest-json: query string). */
	Map<String, String> params(SimRequest request);

	/** JSON body (JSON protocols) or an empty object. */
	JsonNode json(SimRequest request);

	SimResponse success(SimRequest request, String operation, Object result);

	SimResponse error(SimRequest request, SimException error);

	/** The protocol's throttling error. */
	SimException throttling();

	/** The protocol's error for an injected failure with this HTTP status. */
	SimException failure(int httpStatus);

	/** The error for expired temporary credentials. */
	default SimException expiredToken() {
		return new SimException("ExpiredTokenException", 400, "The security token included in the request is expired");
	}

	/**
	 * The error for a call to a regional service in a region that is not enabled for the
	 * account (an opt-in region it did not opt in to): AWS does not recognize the
	 * credentials there.
	 */
	default SimException regionNotEnabled() {
		return new SimException("UnrecognizedClientException", 403,
				"The security token included in the request is invalid.");
	}

	/** The error for a malformed parameter (bad pagination token, missing member). */
	SimException invalidInput(String message);

}
