package dev.evident.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads IAM policy documents (URL-encoded JSON, as IAM returns them) for what the
 * least-privilege controls need: whether a policy grants full administrative access, and
 * who a trust policy lets assume a role.
 */
public final class PolicyDocuments {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The AWS managed policy that grants everything. */
	public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

	private PolicyDocuments() {
	}

	/**
	 * IAM returns documents URL-encoded (RFC 3986); a document that is already JSON is
	 * returned as is.
	 */
	public static String decode(String document) {
		if (document == null) {
			return null;
		}
		String trimmed = document.trim();
		return trimmed.startsWith("{") ? trimmed : URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
	}

	/**
	 * Whether the document allows every action on every resource without a condition: an
	 * Allow statement whose Action is {@code *} (or contains it) and whose Resource is
	 * {@code *}.
	 */
	public static boolean grantsFullAdmin(String decodedJson) {
		for (JsonNode statement : statements(decodedJson)) {
			if ("Allow".equals(statement.path("Effect").asText()) && !statement.has("Condition")
					&& values(statement.path("Action")).contains("*")
					&& values(statement.path("Resource")).contains("*")) {
				return true;
			}
		}
		return false;
	}

	/** The principals a trust policy allows to assume the role, as {@code Type:value}. */
	public static Set<String> trustedPrincipals(String decodedJson) {
		Set<String> principals = new TreeSet<>();
		for (JsonNode statement : statements(decodedJson)) {
			if (!"Allow".equals(statement.path("Effect").asText())) {
				continue;
			}
			JsonNode principal = statement.path("Principal");
			if (principal.isTextual()) {
				principals.add("AWS:" + principal.asText());
			}
			principal.fields()
				.forEachRemaining(e -> values(e.getValue()).forEach(v -> principals.add(e.getKey() + ":" + v)));
		}
		return principals;
	}

	private static List<JsonNode> statements(String decodedJson) {
		List<JsonNode> result = new ArrayList<>();
		if (decodedJson == null || decodedJson.isBlank()) {
			return result;
		}
		try {
			JsonNode statement = JSON.readTree(decodedJson).path("Statement");
			if (statement.isArray()) {
				statement.forEach(result::add);
			}
			else if (statement.isObject()) {
				result.add(statement);
			}
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalArgumentException("not a JSON policy document: " + ex.getOriginalMessage());
		}
		return result;
	}

	private static List<String> values(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isTextual()) {
			values.add(node.asText());
		}
		else if (node.isArray()) {
			node.forEach(n -> values.add(n.asText()));
		}
		return values;
	}

}
