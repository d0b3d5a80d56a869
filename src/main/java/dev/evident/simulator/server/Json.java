package dev.evident.simulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** JSON helpers shared by the JSON protocols. */
public final class Json {

	public static final ObjectMapper MAPPER = new ObjectMapper();

	private Json() {
	}

	public static ObjectNode obj() {
		return MAPPER.createObjectNode();
	}

	public static ArrayNode arr() {
		return MAPPER.createArrayNode();
	}

	/** Puts a string member unless the value is null. */
	public static ObjectNode put(ObjectNode node, String name, String value) {
		if (value != null) {
			node.put(name, value);
		}
		return node;
	}

	/**
	 * Epoch seconds as a JSON number (the JSON protocols' default timestamp format); null
	 * is skipped.
	 */
	public static ObjectNode epoch(ObjectNode node, String name, Instant value) {
		if (value != null) {
			node.put(name, BigDecimal.valueOf(value.toEpochMilli(), 3));
		}
		return node;
	}

	/**
	 * ISO-8601 string (members with {@code timestampFormat: iso8601}); null is skipped.
	 */
	public static ObjectNode iso(ObjectNode node, String name, Instant value) {
		if (value != null) {
			node.put(name, DateTimeFormatter.ISO_INSTANT.format(value));
		}
		return node;
	}

	public static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			return obj();
		}
		try {
			JsonNode node = MAPPER.readTree(body);
			return node == null || node.isMissingNode() ? obj() : node;
		}
		catch (java.io.IOException e) {
			throw new SimException("SerializationException", 400, "request body is not valid JSON");
		}
	}

	public static String write(JsonNode node) {
		try {
			return MAPPER.writeValueAsString(node);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

}
