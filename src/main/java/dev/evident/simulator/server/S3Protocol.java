package dev.evident.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The REST-XML protocol of Amazon S3, path-style only ({@code /bucket/key}): GetObject
 * and HeadObject. Errors are an XML {@code <Error>} document with the HTTP status; a
 * HEAD's error has no body, as S3's.
 */
public final class S3Protocol implements Protocol {

	private static final String XML = "application/xml";

	@Override
	public String operation(SimRequest request) {
		Location location = location(request);
		if (location.key().isEmpty()) {
			throw new SimException("NotImplemented", 501,
					"Only object operations on path-style URLs (/bucket/key) are simulated");
		}
		return switch (request.method()) {
			case "GET" -> "GetObject";
			case "HEAD" -> "HeadObject";
			default -> throw new SimException("NotImplemented", 501,
					request.method() + " on objects is not simulated; only GET and HEAD are");
		};
	}

	/** The bucket and key of a path-style request ({@code /bucket/key}). */
	public static Location location(SimRequest request) {
		String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
		int slash = path.indexOf('/');
		String bucket = slash < 0 ? path : path.substring(0, slash);
		String key = slash < 0 ? "" : path.substring(slash + 1);
		return new Location(bucket, key);
	}

	@Override
	public Map<String, String> params(SimRequest request) {
		return request.queryParams();
	}

	@Override
	public JsonNode json(SimRequest request) {
		return Json.obj();
	}

	/** The service answers with the whole response (headers and streamed body). */
	@Override
	public SimResponse success(SimRequest request, String operation, Object result) {
		return (SimResponse) result;
	}

	@Override
	public SimResponse error(SimRequest request, SimException error) {
		String body = new XmlWriter().start("Error")
			.element("Code", error.code())
			.element("Message", error.getMessage())
			.element("Resource", request.path())
			.element("RequestId", request.requestId())
			.end()
			.toString();
		// A HEAD's error goes without its body (the server sends none): S3 names it by
		// its status only.
		return SimResponse.of(error.status(), XML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body)
			.withHeader("x-amz-request-id", request.requestId());
	}

	@Override
	public SimException throttling() {
		return new SimException("SlowDown", 503, "Please reduce your request rate.");
	}

	@Override
	public SimException failure(int httpStatus) {
		return switch (httpStatus) {
			case 403 -> new SimException("AccessDenied", 403, "Access Denied");
			case 404 -> new SimException("NoSuchKey", 404, "The specified key does not exist.");
			case 503 -> new SimException("ServiceUnavailable", 503, "Injected failure");
			default -> new SimException("InternalError", httpStatus, "Injected failure");
		};
	}

	@Override
	public SimException invalidInput(String message) {
		return new SimException("InvalidArgument", 400, message);
	}

	/** A bucket name and an object key, decoded. */
	public record Location(String bucket, String key) {
	}

}
