package dev.evident.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads and validates the control catalog: the built-in files on the classpath, then an
 * optional folder whose files add controls or replace built-in ones with the same id.
 */
public class ControlCatalogLoader {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,127}");

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	private final Map<String, Check> checks;

	public ControlCatalogLoader(Map<String, Check> checksById) {
		this.checks = checksById;
	}

	public ControlCatalog load(Path overrides) {
		Map<String, Control> controls = new LinkedHashMap<>();
		try {
			Resource[] builtIn = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:mappings/controls/**/*.yaml");
			List<Resource> sorted = new ArrayList<>(List.of(builtIn));
			sorted.sort(Comparator.comparing(r -> String.valueOf(r.getDescription())));
			Map<String, String> seen = new LinkedHashMap<>();
			for (Resource r : sorted) {
				String url = r.getURL().toString();
				String name = url.substring(url.lastIndexOf("mappings/controls/"));
				Control c = parse(name, new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
				if (seen.containsKey(c.id())) {
					throw new MappingException(name, 1, "id",
							"duplicate control id " + c.id() + ", also in " + seen.get(c.id()));
				}
				seen.put(c.id(), name);
				controls.put(c.id(), c);
			}
			if (overrides != null) {
				Path dir = overrides.resolve("controls");
				if (Files.isDirectory(dir)) {
					Map<String, String> overridden = new LinkedHashMap<>();
					try (Stream<Path> files = Files.walk(dir)) {
						for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
							Control c = parse(p.toString(), Files.readString(p));
							if (overridden.containsKey(c.id())) {
								throw new MappingException(p.toString(), lineOf(Files.readString(p), "id"), "id",
										"duplicate control id " + c.id() + ", also in " + overridden.get(c.id()));
							}
							overridden.put(c.id(), p.toString());
							controls.put(c.id(), c);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the mappings", ex);
		}
		return new ControlCatalog(List.copyOf(controls.values()));
	}

	Control parse(String file, String text) {
		Control c;
		try {
			c = yaml.readValue(text, Control.class);
		}
		catch (JsonMappingException ex) {
			String field = ex.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> a + "." + b)
				.orElse("(document)");
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
			throw new MappingException(file, line, field, problem(ex));
		}
		catch (JsonProcessingException ex) {
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
			throw new MappingException(file, line, "(yaml)", "not valid YAML: " + ex.getOriginalMessage());
		}
		if (c == null) {
			throw new MappingException(file, 1, "(document)", "the file is empty");
		}
		require(file, text, "id", c.id());
		if (!ID.matcher(c.id()).matches()) {
			throw new MappingException(file, lineOf(text, "id"), "id",
					"expected lower-case letters, digits and dashes, got '" + c.id() + "'");
		}
		String expected = Path.of(file).getFileName().toString().replaceFirst("\\.yaml$", "");
		if (!expected.equals(c.id())) {
			throw new MappingException(file, lineOf(text, "id"), "id",
					"must equal the file name '" + expected + "', got '" + c.id() + "'");
		}
		require(file, text, "title", c.title());
		require(file, text, "objective", c.objective());
		if (c.responsibility() == null) {
			throw new MappingException(file, lineOf(text, "responsibility"), "responsibility",
					"expected one of AWS, CUSTOMER, SHARED");
		}
		if (c.check() == null || c.check().id() == null) {
			throw new MappingException(file, lineOf(text, "check"), "check.id", "a check id is required");
		}
		Check check = checks.get(c.check().id());
		if (check == null) {
			throw new MappingException(file, lineOf(text, "id: " + c.check().id()), "check.id",
					"unknown check '" + c.check().id() + "'; known checks: " + String.join(", ", checks.keySet()));
		}
		check.parameterTypes().forEach((name, type) -> {
			Object value = c.check().params().get(name);
			if (value == null || !type.isInstance(value)) {
				throw new MappingException(file, lineOf(text, name), "check.params." + name,
						"expected " + describe(type) + ", got " + (value == null ? "nothing" : "'" + value + "'"));
			}
		});
		return c;
	}

	/** What was expected, in words a compliance engineer can act on. */
	private static String problem(JsonMappingException ex) {
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String allowed = java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(Object::toString)
				.collect(java.util.stream.Collectors.joining(", "));
			return "expected one of " + allowed + ", got '" + invalid.getValue() + "'";
		}
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + unknown.getPropertyName() + "'; known fields: "
					+ String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> t = mismatch.getTargetType();
			return "expected " + (t == String.class ? "text" : java.util.List.class.isAssignableFrom(t) ? "a list"
					: Map.class.isAssignableFrom(t) ? "a mapping" : describe(t)) + " here";
		}
		return ex.getOriginalMessage().split("\n")[0];
	}

	private static String describe(Class<?> type) {
		return Map.class.isAssignableFrom(type) ? "a mapping" : Number.class.isAssignableFrom(type) ? "a number"
				: "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
	}

	private static void require(String file, String text, String field, String value) {
		if (value == null || value.isBlank()) {
			throw new MappingException(file, lineOf(text, field), field, "a value is required");
		}
	}

	/**
	 * The first line that starts the given key (or text), for error messages; 0 if none.
	 */
	static int lineOf(String text, String key) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String l = lines[i].trim();
			if (l.startsWith(key + ":") || l.startsWith(key)) {
				return i + 1;
			}
		}
		return 0;
	}

}
