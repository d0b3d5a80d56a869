package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.WebAcl;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.JsonProtocol;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WAFv2 (JSON 1.1): the calling account's web ACLs, REGIONAL ones in the call's region
 * and CLOUDFRONT ones in us-east-1 only (elsewhere the scope is not valid, as in AWS),
 * the load balancers associated with a regional web ACL, and logging configurations.
 * Errors follow the service: {@code WAFInvalidParameterException} with its
 * {@code Field}/{@code Parameter}/{@code Reason}, {@code WAFNonexistentItemException}
 * (400). A region not enabled for the account refuses every call
 * ({@code UnrecognizedClientException}, 400).
 */
public final class WafService implements Service {

	static final String CLOUDFRONT_REGION = "us-east-1";

	private static final Pattern ARN = Pattern
		.compile("arn:aws:wafv2:([a-z0-9-]+):(\\d{12}):(regional|global)/webacl/([\\w\\-]+)/([0-9a-f-]{36})");

	private static final Set<String> RESOURCE_TYPES = Set.of("APPLICATION_LOAD_BALANCER", "API_GATEWAY", "APPSYNC",
			"COGNITO_USER_POOL", "APP_RUNNER_SERVICE", "VERIFIED_ACCESS_INSTANCE", "AMPLIFY", "AGENTCORE_GATEWAY");

	private final JsonProtocol protocol = new JsonProtocol("AWSWAF_20190729",
			Set.of("ListWebACLs", "GetWebACL", "ListResourcesForWebACL", "GetLoggingConfiguration"),
			new JsonProtocol.Errors("WAFInternalErrorException", "WAFInvalidParameterException", "ThrottlingException",
					"Rate exceeded"));

	private final SimulatedOrganization org;

	public WafService(SimulatedOrganization org) {
		this.org = org;
	}

	@Override
	public String name() {
		return "wafv2";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		RegionAccess.requireEnabled(org, call, protocol);
		return switch (call.operation()) {
			case "ListWebACLs" -> list(call);
			case "GetWebACL" -> get(call);
			case "ListResourcesForWebACL" -> resources(call);
			case "GetLoggingConfiguration" -> logging(call);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private ObjectNode list(Call call) {
		String scope = call.text("Scope");
		if (scope == null) {
			throw new SimException("AccessDeniedException", 400,
					"Critical information is missing in your request: ListWebACLsRequest(scope=null, nextMarker="
							+ call.text("NextMarker") + ", limit=" + call.integer("Limit") + ")");
		}
		Integer limit = call.integer("Limit");
		if (limit != null && (limit < 1 || limit > 100)) {
			throw protocol.invalidInput("1 validation error detected: Value '" + limit
					+ "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
		}
		var page = Pagination.page(webAcls(call, scope), call.text("NextMarker"), limit, 100, 100, protocol);
		ObjectNode result = Json.obj();
		Json.put(result, "NextMarker", page.nextToken());
		ArrayNode acls = result.putArray("WebACLs");
		page.items().forEach(acl -> acls.add(WafJson.summary(acl)));
		return result;
	}

	private ObjectNode get(Call call) {
		WebAcl acl;
		if (call.text("ARN") != null) {
			acl = byArn(call, call.text("ARN"));
		}
		else {
			String name = call.text("Name");
			String id = call.text("Id");
			String scope = call.text("Scope");
			if (name == null || id == null || scope == null) {
				throw invalidParameter(
						"Your request is missing a parameter: provide the ARN, or the Name, Scope and Id.", "WEB_ACL",
						name == null ? "Name" : id == null ? "Id" : "Scope");
			}
			acl = webAcls(call, scope).stream()
				.filter(a -> a.name().equals(name) && a.id().equals(id))
				.findFirst()
				.orElseThrow(WafService::nonexistent);
		}
		return Json.obj()
			.<ObjectNode>set("WebACL", WafJson.webAcl(acl, call.accountId()))
			.put("LockToken", acl.lockToken());
	}

	private ObjectNode resources(Call call) {
		String arn = call.text("WebACLArn");
		Matcher m = arn == null ? null : ARN.matcher(arn);
		if (m == null || !m.matches() || m.group(3).equals("global")) {
			// CloudFront's associations are the distributions' WebACLId, not this call
			throw invalidArn(arn);
		}
		String type = call.text("ResourceType") == null ? "APPLICATION_LOAD_BALANCER" : call.text("ResourceType");
		if (!RESOURCE_TYPES.contains(type)) {
			throw invalidParameter("The parameter contains formatting that is not valid.", "RESOURCE_TYPE", type);
		}
		WebAcl acl = byArn(call, arn);
		List<String> arns = type.equals("APPLICATION_LOAD_BALANCER") ? org.edge(call.accountId(), call.region())
			.loadBalancers()
			.stream()
			.filter(lb -> acl.arn().equals(lb.webAclArn()))
			.map(LoadBalancer::arn)
			.toList() : List.of();
		ObjectNode result = Json.obj();
		ArrayNode list = result.putArray("ResourceArns");
		arns.forEach(list::add);
		return result;
	}

	private ObjectNode logging(Call call) {
		String logType = call.text("LogType");
		String logScope = call.text("LogScope");
		if (logType != null && !logType.equals("WAF_LOGS")) {
			throw protocol.invalidInput("1 validation error detected: Value '" + logType
					+ "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [WAF_LOGS]");
		}
		WebAcl acl = byArn(call, call.text("ResourceArn"));
		if (!acl.logging() || (logScope != null && !logScope.equals("CUSTOMER"))) {
			throw nonexistent();
		}
		return Json.obj().set("LoggingConfiguration", WafJson.loggingConfiguration(acl));
	}

	/** The web ACLs of a scope the call may read in its region. */
	private List<WebAcl> webAcls(Call call, String scope) {
		return switch (scope) {
			case "REGIONAL" -> org.edge(call.accountId(), call.region()).webAcls();
			case "CLOUDFRONT" -> {
				if (!call.region().equals(CLOUDFRONT_REGION)) {
					throw invalidParameter("The scope is not valid.", "SCOPE_VALUE", scope);
				}
				yield org.globalEdge(call.accountId()).cloudFrontWebAcls();
			}
			default -> throw invalidParameter("The scope is not valid.", "SCOPE_VALUE", scope);
		};
	}

	/**
	 * The web ACL of an ARN, which must be of the caller's account and the call's region.
	 */
	private WebAcl byArn(Call call, String arn) {
		Matcher m = arn == null ? null : ARN.matcher(arn);
		if (m == null || !m.matches()) {
			throw invalidArn(arn);
		}
		if (!m.group(1).equals(call.region()) || !m.group(2).equals(call.accountId())) {
			throw nonexistent();
		}
		return webAcls(call, m.group(3).equals("global") ? "CLOUDFRONT" : "REGIONAL").stream()
			.filter(acl -> acl.arn().equals(arn))
			.findFirst()
			.orElseThrow(WafService::nonexistent);
	}

	private static SimException invalidArn(String arn) {
		return invalidParameter("The ARN isn't valid. A valid ARN begins with arn: and includes other information "
				+ "separated by colons or slashes.", "RESOURCE_ARN", String.valueOf(arn));
	}

	/**
	 * WAF's invalid-parameter error, its message built from the reason, field and
	 * parameter as AWS does.
	 */
	static SimException invalidParameter(String reason, String field, String parameter) {
		return new SimException("WAFInvalidParameterException", 400,
				"Error reason: " + reason + ", field: " + field + ", parameter: " + parameter)
			.with("Field", field)
			.with("Parameter", parameter)
			.with("Reason", reason);
	}

	private static SimException nonexistent() {
		return new SimException("WAFNonexistentItemException", 400,
				"AWS WAF couldn’t perform the operation because your resource doesn’t exist.");
	}

}
