package dev.evident.control;

import java.util.Map;
import java.util.regex.Pattern;

import dev.evident.control.MappingFiles.MappingFile;

/** Reads and validates one control file against the known checks. */
final class ControlCatalogLoader {

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,127}");

	private final Map<String, Check> checks;

	ControlCatalogLoader(Map<String, Check> checksById) {
		this.checks = checksById;
	}

	Control parse(MappingFile file) {
		return parse(file.name(), file.text());
	}

	Control parse(String file, String text) {
		Control c = MappingYaml.read(file, text, Control.class);
		require(file, text, "id", c.id());
		if (!ID.matcher(c.id()).matches()) {
			throw new MappingException(file, MappingYaml.lineOf(text, "id:"), "id",
					"expected lower-case letters, digits and dashes, got '" + c.id() + "'");
		}
		String expected = java.nio.file.Path.of(file).getFileName().toString().replaceFirst("\\.yaml$", "");
		if (!expected.equals(c.id())) {
			throw new MappingException(file, MappingYaml.lineOf(text, "id:"), "id",
					"must equal the file name '" + expected + "', got '" + c.id() + "'");
		}
		require(file, text, "title", c.title());
		require(file, text, "objective", c.objective());
		if (c.responsibility() == null) {
			throw new MappingException(file, MappingYaml.lineOf(text, "responsibility"), "responsibility",
					"expected one of AWS, CUSTOMER, SHARED");
		}
		if (c.check() == null || c.check().id() == null) {
			throw new MappingException(file, MappingYaml.lineOf(text, "check"), "check.id", "a check id is required");
		}
		if (!checks.containsKey(c.check().id())) {
			throw new MappingException(file, MappingYaml.lineOf(text, "id: " + c.check().id()), "check.id",
					"unknown check '" + c.check().id() + "'; known checks: " + String.join(", ", checks.keySet()));
		}
		validateParameters(file, text, c);
		validateEvidence(file, text, c);
		return c;
	}

	/**
	 * Every parameter the check reads is present with the right type, and the control
	 * gives no other: a misspelled parameter would otherwise be ignored silently.
	 */
	void validateParameters(String file, String text, Control c) {
		Check check = checks.get(c.check().id());
		for (String name : c.check().params().keySet()) {
			if (!check.parameterTypes().containsKey(name)) {
				throw new MappingException(file, MappingYaml.lineOf(text, name + ":"), "check.params." + name,
						"unknown parameter of check " + check.id()
								+ (check.parameterTypes().isEmpty() ? ", which takes none" : "; its parameters: "
										+ String.join(", ", new java.util.TreeSet<>(check.parameterTypes().keySet()))));
			}
		}
		check.parameterTypes().forEach((name, type) -> {
			Object value = c.check().params().get(name);
			if (value == null || !type.isInstance(value)) {
				throw new MappingException(file, MappingYaml.lineOf(text, name + ":"), "check.params." + name,
						"expected " + MappingYaml.describe(type) + ", got "
								+ (value == null ? "nothing" : "'" + value + "'"));
			}
		});
	}

	/** The control names as evidence only sources its check reads. */
	void validateEvidence(String file, String text, Control c) {
		Check check = checks.get(c.check().id());
		for (int i = 0; i < c.evidence().size(); i++) {
			String source = c.evidence().get(i);
			if (!check.reads().contains(source)) {
				throw new MappingException(file, MappingYaml.lineOf(text, source), "evidence[" + i + "]",
						"check " + check.id() + " does not read '" + source + "'; it reads: "
								+ String.join(", ", check.reads()));
			}
		}
	}

	private static void require(String file, String text, String field, String value) {
		if (value == null || value.isBlank()) {
			throw new MappingException(file, MappingYaml.lineOf(text, field + ":"), field, "a value is required");
		}
	}

}
