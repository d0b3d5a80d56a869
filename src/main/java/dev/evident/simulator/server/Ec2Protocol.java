package dev.evident.simulator.server;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ec2 protocol (EC2, and VPC resources through it): form-encoded POST as the query
 * protocol, but results are the elements of {@code <OperationResponse>} itself, with no
 * {@code Result} wrapper and a lower-case {@code requestId}, and errors are
 * {@code <Response><Errors><Error>}. A service returns the XML of the response's members.
 */
public final class Ec2Protocol implements Protocol {

	public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

	private static final String XML = "text/xml;charset=UTF-8";

	private final Set<String> operations;

	public Ec2Protocol(Set<String> operations) {
		this.operations = operations;
	}

	@Override
	public String operation(SimRequest request) {
		return QueryProtocol.action(request, operations, "The request must contain the parameter Action",
				"The action %s is not valid for this web service.");
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
		XmlWriter xml = new XmlWriter().start(operation + "Response", NAMESPACE)
			.element("requestId", request.requestId());
		if (result != null) {
			xml.raw(result.toString());
		}
		return SimResponse.of(200, XML, xml.end().toString());
	}

	@Override
	public SimResponse error(SimRequest request, SimException error) {
		XmlWriter xml = new XmlWriter().start("Response")
			.start("Errors")
			.start("Error")
			.element("Code", error.code())
			.element("Message", error.getMessage())
			.end()
			.end()
			.element("RequestID", request.requestId())
			.end();
		return SimResponse.of(error.status(), XML, xml.toString());
	}

	@Override
	public SimException throttling() {
		return new SimException("RequestLimitExceeded", 503, "Request limit exceeded.");
	}

	@Override
	public SimException failure(int httpStatus) {
		return switch (httpStatus) {
			case 403 ->
				new SimException("UnauthorizedOperation", 403, "You are not authorized to perform this operation.");
			case 503 -> new SimException("Unavailable", 503, "Injected failure");
			default -> new SimException("InternalError", httpStatus, "Injected failure");
		};
	}

	/** EC2's own answer to an expired session, not the STS-style ExpiredToken. */
	@Override
	public SimException expiredToken() {
		return new SimException("RequestExpired", 400, "Request has expired.");
	}

	/** EC2's answer in a region the account has not opted in to. */
	@Override
	public SimException regionNotEnabled() {
		return new SimException("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
	}

	@Override
	public SimException invalidInput(String message) {
		return new SimException("InvalidParameterValue", 400, message);
	}

}
