package dev.evident.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a mapping file into its record, strictly, and turns every problem into a
 * {@link MappingException} that names the file, the line and the field.
 */
final class MappingYaml {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	private MappingYaml() {
	}

	static <T> T read(String file, String text, Class<T> type) {
		T value;
		try {
			value = YAML.readValue(text, type);
		}
		catch (JsonMappingException ex) {
			String field = ex.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("(document)");
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
			throw new MappingException(file, line, field, problem(ex));
		}
		catch (JsonProcessingException ex) {
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
			throw new MappingException(file, line, "(yaml)", "not valid YAML: " + ex.getOriginalMessage());
		}
		if (value == null) {
			throw new MappingException(file, 1, "(document)", "the file is empty");
		}
		return value;
	}

	/** What was expected, in words a compliance engineer can act on. */
	private static String problem(JsonMappingException ex) {
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return "expected one of " + allowed + ", got '" + invalid.getValue() + "'";
		}
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + unknown.getPropertyName() + "'; known fields: "
					+ String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "expected " + describe(mismatch.getTargetType()) + " here";
		}
		return ex.getOriginalMessage().split("\n")[0];
	}

	static String describe(Class<?> type) {
		if (type == String.class) {
			return "text";
		}
		if (List.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (Map.class.isAssignableFrom(type)) {
			return "a mapping";
		}
		if (Number.class.isAssignableFrom(type)) {
			return "a number";
		}
		if (type == Boolean.class) {
			return "true or false";
		}
		return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The first line that starts with the given key (or text), for error messages; 0 if
	 * none.
	 */
	static int lineOf(String text, String key) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String l = lines[i].trim();
			if (l.startsWith("- ")) {
				l = l.substring(2).trim();
			}
			if (l.startsWith(key)) {
				return i + 1;
			}
		}
		return 0;
	}

}
