package dev.evident.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One API call, decoded by its protocol and attributed to an account.
 *
 * @param params query protocol: form parameters; rest-json: query-string parameters
 * @param json JSON body (JSON protocols), or an empty object
 * @param session the assumed-role session the call was signed with, or null for base
 * credentials
 * @param sequence 1-based sequence number of the call across the simulator
 */
public record Call(String operation, String accountId, String region, SimRequest request, Map<String, String> params,
		JsonNode json, Session session, long sequence) {

	public String param(String name) {
		return params.get(name);
	}

	/** A string member of the JSON body, or null. */
	public String text(String name) {
		JsonNode node = json.get(name);
		return node == null || node.isNull() ? null : node.asText();
	}

	/** An integer member of the JSON body, or null. */
	public Integer integer(String name) {
		JsonNode node = json.get(name);
		return node == null || node.isNull() ? null : node.asInt();
	}
}
