package dev.evident.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;

/**
 * The AWS query protocol (STS, IAM, ELBv2): form-encoded POST, XML responses wrapped in
 * {@code <OperationResponse><OperationResult>}.
 */
public final class QueryProtocol implements Protocol {

	private static final String XML = "text/xml";

	private final String xmlNamespace;

	private final Set<String> operations;

	private final String internalErrorCode;

	private final String invalidInputCode;

	public QueryProtocol(String xmlNamespace, Set<String> operations, String internalErrorCode) {
		this(xmlNamespace, operations, internalErrorCode, "InvalidInput");
	}

	/**
	 * @param invalidInputCode the service's code for a malformed parameter (IAM's
	 * {@code InvalidInput}, ELBv2's {@code ValidationError})
	 */
	public QueryProtocol(String xmlNamespace, Set<String> operations, String internalErrorCode,
			String invalidInputCode) {
		this.xmlNamespace = xmlNamespace;
		this.operations = operations;
		this.internalErrorCode = internalErrorCode;
		this.invalidInputCode = invalidInputCode;
	}

	@Override
	public String operation(SimRequest request) {
		return action(request, operations, "Missing Action parameter", "Could not find operation %s");
	}

	/**
	 * The {@code Action} of a form-encoded request (the query and ec2 protocols), or
	 * {@code MissingAction} / {@code InvalidAction} with the protocol's messages.
	 */
	static String action(SimRequest request, Set<String> operations, String missing, String unknown) {
		String action = SimRequest.decodeForm(request.bodyString()).get("Action");
		if (action == null) {
			throw new SimException("MissingAction", 400, missing);
		}
		if (!operations.contains(action)) {
			throw new SimException("InvalidAction", 400, unknown.formatted(action));
		}
		return action;
	}

	@Override
	public Map<String, String> params(SimRequest request) {
		return SimRequest.decodeForm(request.bodyString());
	}

	@Override
	public JsonNode json(SimRequest request) {
		return Json.obj();
	}

	@Override
	public SimResponse success(SimRequest request, String operation, Object result) {
		XmlWriter xml = new XmlWriter().start(operation + "Response", xmlNamespace);
		if (result != null) {
			xml.start(operation + "Result").raw(result.toString()).end();
		}
		xml.start("ResponseMetadata").element("RequestId", request.requestId()).end().end();
		return SimResponse.of(200, XML, xml.toString());
	}

	@Override
	public SimResponse error(SimRequest request, SimException error) {
		return SimResponse.of(error.status(), XML, errorResponse(request, error, xmlNamespace));
	}

	/** The {@code <ErrorResponse>} of the query and REST-XML protocols. */
	static String errorResponse(SimRequest request, SimException error, String namespace) {
		return new XmlWriter().start("ErrorResponse", namespace)
			.start("Error")
			.element("Type", error.senderFault() ? "Sender" : "Receiver")
			.element("Code", error.code())
			.element("Message", error.getMessage())
			.end()
			.element("RequestId", request.requestId())
			.end()
			.toString();
	}

	@Override
	public SimException throttling() {
		return new SimException("Throttling", 400, "Rate exceeded");
	}

	@Override
	public SimException failure(int httpStatus) {
		return switch (httpStatus) {
			case 500 -> new SimException(internalErrorCode, 500, "Injected failure");
			case 503 -> new SimException("ServiceUnavailable", 503, "Injected failure");
			case 403 -> new SimException("AccessDenied", 403, "Injected failure");
			default -> new SimException("InternalFailure", httpStatus, "Injected failure");
		};
	}

	@Override
	public SimException invalidInput(String message) {
		return new SimException(invalidInputCode, 400, message);
	}

	/**
	 * What the query-protocol services (RDS, ELBv2) answer from an opt-in region the
	 * account has not enabled: the credentials are not recognized there, 403.
	 */
	@Override
	public SimException regionNotEnabled() {
		return new SimException("InvalidClientTokenId", 403, "The security token included in the request is invalid");
	}

}
