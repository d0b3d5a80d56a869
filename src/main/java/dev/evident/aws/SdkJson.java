package dev.evident.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Writes an SDK response as JSON with AWS's own member names (for example
 * {@code findingArn}, {@code Accounts}), in the order of the API model. This is how raw
 * API evidence is kept: the complete response as the SDK received it, independent of what
 * Evident later uses from it.
 */
public final class SdkJson {

	private static final JsonFactory JSON = new JsonFactory();

	private SdkJson() {
	}

	public static void write(SdkPojo pojo, OutputStream out) {
		try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			g.useDefaultPrettyPrinter();
			writeValue(g, pojo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] bytes(SdkPojo pojo) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		write(pojo, out);
		return out.toByteArray();
	}

	private static void writePojo(JsonGenerator g, SdkPojo pojo) throws IOException {
		g.writeStartObject();
		for (SdkField<?> field : pojo.sdkFields()) {
			Object value = field.getValueOrDefault(pojo);
			if (value == null || isAutoConstruct(value)) {
				continue;
			}
			g.writeFieldName(field.locationName() != null ? field.locationName() : field.memberName());
			writeValue(g, value);
		}
		g.writeEndObject();
	}

	private static boolean isAutoConstruct(Object value) {
		return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
				|| value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
	}

	private static void writeValue(JsonGenerator g, Object value) throws IOException {
		if (value == null) {
			g.writeNull();
		}
		else if (value instanceof SdkPojo pojo) {
			writePojo(g, pojo);
		}
		else if (value instanceof Collection<?> list) {
			g.writeStartArray();
			for (Object item : list) {
				writeValue(g, item);
			}
			g.writeEndArray();
		}
		else if (value instanceof Map<?, ?> map) {
			g.writeStartObject();
			for (Map.Entry<?, ?> e : map.entrySet()) {
				g.writeFieldName(String.valueOf(e.getKey()));
				writeValue(g, e.getValue());
			}
			g.writeEndObject();
		}
		else if (value instanceof Instant instant) {
			g.writeString(instant.toString());
		}
		else if (value instanceof SdkBytes bytes) {
			g.writeBinary(bytes.asByteArray());
		}
		else if (value instanceof Boolean b) {
			g.writeBoolean(b);
		}
		else if (value instanceof Integer || value instanceof Long) {
			g.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof Number n) {
			g.writeNumber(n.toString());
		}
		else {
			g.writeString(value.toString());
		}
	}

}
