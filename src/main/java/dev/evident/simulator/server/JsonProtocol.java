package dev.evident.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * The AWS JSON 1.1 protocol (Organizations): POST /,
 * {@code X-Amz-Target: Prefix.Operation}.
 */
public final class JsonProtocol implements Protocol {

	private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

	private final String targetPrefix;

	private final Set<String> operations;

	public JsonProtocol(String targetPrefix, Set<String> operations) {
		this.targetPrefix = targetPrefix;
		this.operations = operations;
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
		return SimResponse.of(error.status(), CONTENT_TYPE, Json.write(body));
	}

	@Override
	public SimException throttling() {
		return new SimException("TooManyRequestsException", 400, "AWS Organizations can't complete your request "
				+ "because another request is already in progress. Try again later.");
	}

	@Override
	public SimException failure(int httpStatus) {
		return switch (httpStatus) {
			case 500, 503 -> new SimException("ServiceException", httpStatus, "Injected failure");
			case 403 -> new SimException("AccessDeniedException", 403, "Injected failure");
			default -> new SimException("ServiceException", httpStatus, "Injected failure");
		};
	}

	@Override
	public SimException invalidInput(String message) {
		return new SimException("InvalidInputException", 400, message);
	}

}
