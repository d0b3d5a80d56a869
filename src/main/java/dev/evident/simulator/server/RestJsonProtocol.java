package dev.evident.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The AWS REST-JSON protocol (Inspector2, Artifact): operations routed by HTTP method and
 * URI, errors named by the {@code x-amzn-ErrorType} header.
 */
public final class RestJsonProtocol implements Protocol {

	private static final String CONTENT_TYPE = "application/json";

	/** Routes as "METHOD /path" to operation name. */
	private final Map<String, String> routes;

	public RestJsonProtocol(Map<String, String> routes) {
		this.routes = routes;
	}

	public boolean serves(SimRequest request) {
		return routes.containsKey(request.method() + " " + request.path());
	}

	@Override
	public String operation(SimRequest request) {
		String op = routes.get(request.method() + " " + request.path());
		if (op == null) {
			throw new SimException("UnknownOperationException", 404,
					"No operation for " + request.method() + " " + request.path());
		}
		return op;
	}

	@Override
	public Map<String, String> params(SimRequest request) {
		return request.queryParams();
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
		ObjectNode body = Json.obj().put("message", error.getMessage());
		return SimResponse.of(error.status(), CONTENT_TYPE, Json.write(body))
			.withHeader("x-amzn-ErrorType", error.code());
	}

	@Override
	public SimException throttling() {
		return new SimException("ThrottlingException", 429, "Rate exceeded");
	}

	@Override
	public SimException failure(int httpStatus) {
		return switch (httpStatus) {
			case 403 -> new SimException("AccessDeniedException", 403, "Injected failure");
			case 404 -> new SimException("ResourceNotFoundException", 404, "Injected failure");
			default -> new SimException("InternalServerException", httpStatus, "Injected failure");
		};
	}

	@Override
	public SimException invalidInput(String message) {
		return new SimException("ValidationException", 400, message);
	}

}
