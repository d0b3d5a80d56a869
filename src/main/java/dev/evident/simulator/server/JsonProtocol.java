package dev.evident.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * The AWS JSON 1.1 protocol (Organizations, WAFv2, Shield): POST /,
 * {@code X-Amz-Target: Prefix.Operation}; an error is {@code __type} and {@code Message},
 * with the error shape's other members beside them.
 */
public final class JsonProtocol implements Protocol {

	private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

	/**
	 * The codes a service answers for the errors every service has.
	 *
	 * @param internal its internal (5xx) error
	 * @param invalidInput its error for a malformed or missing parameter
	 * @param throttling its throttling error (400) and message
	 */
	public record Errors(String internal, String invalidInput, String throttling, String throttlingMessage) {

		/** Organizations' codes. */
		public static final Errors ORGANIZATIONS = new Errors("ServiceException", "InvalidInputException",
				"TooManyRequestsException", "AWS Organizations can't complete your request "
						+ "because another request is already in progress. Try again later.");

	}

	private final String targetPrefix;

	private final Set<String> operations;

	private final Errors errors;

	public JsonProtocol(String targetPrefix, Set<String> operations) {
		this(targetPrefix, operations, Errors.ORGANIZATIONS);
	}

	public JsonProtocol(String targetPrefix, Set<String> operations, Errors errors) {
		this.targetPrefix = targetPrefix;
		this.operations = operations;
		this.errors = errors;
	}

	public String targetPrefix() {
		return targetPrefix;
	}

	@Override
	public String operation(SimRequest request) {
		String target = request.header("x-amz-target");
		if (target == null || !target.startsWith(targetPrefix + ".")) {
			throw new SimException("UnknownOperationException", 400, "Missing or foreign X-Amz-Target");
		}
		String op = target.substring(targetPrefix.length() + 1);
		if (!operations.contains(op)) {
			throw new SimException("UnknownOperationException", 400, "Operation not served: " + op);
		}
		return op;
	}

	@Override
	public Map<String, String> params(SimRequest request) {
		return Map.of();
	}

	@Override
	public JsonNode json(SimRequest request) {
		return Json.parse(request.body());
	}

	@Override
	public SimResponse success(SimRequest request, String operation, Object result) {
		ObjectNode body = result == null ? Json.obj() : (ObjectNode) result;
		return SimResponse.of(200, CONTENT_TYPE, Json.write(body));
	}

	@Override
	public SimResponse error(SimRequest request, SimException error) {
		ObjectNode body = Json.obj().put("__type", error.code()).put("Message", error.getMessage());
		error.members().forEach(body::put);
		return SimResponse.of(error.status(), CONTENT_TYPE, Json.write(body));
	}

	@Override
	public SimException throttling() {
		return new SimException(errors.throttling(), 400, errors.throttlingMessage());
	}

	@Override
	public SimException failure(int httpStatus) {
		return switch (httpStatus) {
			case 403 -> new SimException("AccessDeniedException", 403, "Injected failure");
			default -> new SimException(errors.internal(), httpStatus, "Injected failure");
		};
	}

	/**
	 * What the JSON 1.1 services (Kinesis, SageMaker, WAFv2) answer from an opt-in region
	 * the account has not enabled: the credentials are not recognized there, 400.
	 */
	@Override
	public SimException regionNotEnabled() {
		return new SimException("UnrecognizedClientException", 400,
				"The security token included in the request is invalid");
	}

	@Override
	public SimException invalidInput(String message) {
		return new SimException(errors.invalidInput(), 400, message);
	}

}
