package dev.evident.simulator.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST-XML protocol (CloudFront, and services like it): the operation is the HTTP
 * method and a path template ({@code GET /2020-05-31/distribution/{Id}}), its inputs the
 * path labels and the query string; a result is the XML payload the service writes (its
 * root element in {@link #namespace()}), an error an {@code <ErrorResponse>}. S3, whose
 * addressing and streaming differ, has its own {@link S3Protocol}.
 */
public final class RestXmlProtocol implements Protocol {

	private static final String XML = "text/xml";

	/** An operation: HTTP method and path template, labels in braces. */
	public record Route(String method, String path, String operation) {
	}

	private final String namespace;

	private final List<Route> routes;

	public RestXmlProtocol(String namespace, List<Route> routes) {
		this.namespace = namespace;
		this.routes = List.copyOf(routes);
	}

	/** The namespace of the service's payloads and errors. */
	public String namespace() {
		return namespace;
	}

	@Override
	public String operation(SimRequest request) {
		for (Route route : routes) {
			if (route.method().equals(request.method()) && labels(route.path(), request.path()) != null) {
				return route.operation();
			}
		}
		throw new SimException("InvalidAction", 400,
				"No operation for " + request.method() + " " + request.path() + " is simulated");
	}

	@Override
	public Map<String, String> params(SimRequest request) {
		Map<String, String> params = new LinkedHashMap<>(request.queryParams());
		for (Route route : routes) {
			Map<String, String> labels = route.method().equals(request.method()) ? labels(route.path(), request.path())
					: null;
			if (labels != null) {
				params.putAll(labels);
				break;
			}
		}
		return params;
	}

	/** The labels of {@code path} matched against {@code template}, or null. */
	static Map<String, String> labels(String template, String path) {
		String[] want = template.split("/", -1);
		String[] got = path.split("/", -1);
		if (want.length != got.length) {
			return null;
		}
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < want.length; i++) {
			if (want[i].startsWith("{") && want[i].endsWith("}") && !got[i].isEmpty()) {
				labels.put(want[i].substring(1, want[i].length() - 1),
						java.net.URLDecoder.decode(got[i], java.nio.charset.StandardCharsets.UTF_8));
			}
			else if (!want[i].equals(got[i])) {
				return null;
			}
		}
		return labels;
	}

	@Override
	public JsonNode json(SimRequest request) {
		return Json.obj();
	}

	@Override
	public SimResponse success(SimRequest request, String operation, Object result) {
		String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + (result == null ? "" : result.toString());
		return SimResponse.of(200, XML, body).withHeader("x-amz-request-id", request.requestId());
	}

	@Override
	public SimResponse error(SimRequest request, SimException error) {
		String body = QueryProtocol.errorResponse(request, error, namespace);
		return SimResponse.of(error.status(), XML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body)
			.withHeader("x-amz-request-id", request.requestId());
	}

	@Override
	public SimException throttling() {
		return new SimException("Throttling", 400, "Rate exceeded");
	}

	@Override
	public SimException failure(int httpStatus) {
		return switch (httpStatus) {
			case 403 -> new SimException("AccessDenied", 403, "Access denied.");
			case 503 -> new SimException("ServiceUnavailable", 503, "Injected failure");
			default -> new SimException("InternalError", httpStatus, "Injected failure");
		};
	}

	@Override
	public SimException invalidInput(String message) {
		return new SimException("InvalidArgument", 400, message);
	}

}
