package dev.evident.control;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import dev.evident.control.Framework.Requirement;
import dev.evident.control.MappingFiles.MappingFile;

/**
 * Reads and validates one framework file: its name is {@code <framework>_<version>.yaml},
 * its requirement ids are unique, and every control it lists exists in the catalog.
 */
final class FrameworkLoader {

	private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]*_[A-Za-z0-9.-]+\\.yaml");

	Framework parse(MappingFile file, Set<String> controlIds) {
		String name = java.nio.file.Path.of(file.name()).getFileName().toString();
		if (!FILE.matcher(name).matches()) {
			throw new MappingException(file.name(), 0, "(file name)",
					"expected <framework>_<version>.yaml, for example soc2_2017.yaml");
		}
		FrameworkFile parsed = MappingYaml.read(file.name(), file.text(), FrameworkFile.class);
		if (parsed.framework() == null || parsed.framework().id() == null || parsed.framework().name() == null) {
			throw new MappingException(file.name(), MappingYaml.lineOf(file.text(), "framework:"), "framework",
					"id and name are required");
		}
		if (!ControlCatalogLoader.ID.matcher(parsed.framework().id()).matches()) {
			throw new MappingException(file.name(), MappingYaml.lineOf(file.text(), "id:"), "framework.id",
					"expected lower-case letters, digits and dashes, got '" + parsed.framework().id() + "'");
		}
		Framework framework = parsed.toFramework();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < framework.requirements().size(); i++) {
			Requirement r = framework.requirements().get(i);
			String field = "requirements[" + i + "]";
			if (r.id() == null || r.id().isBlank() || r.name() == null || r.name().isBlank()) {
				throw new MappingException(file.name(), requirementLine(file.text(), i), field,
						"id and name are required");
			}
			if (!seen.add(r.id())) {
				throw new MappingException(file.name(), requirementLine(file.text(), i), field + ".id",
						"duplicate requirement id " + r.id());
			}
			for (String control : r.controls()) {
				if (!controlIds.contains(control)) {
					throw new MappingException(file.name(), controlsLine(file.text(), i), field + ".controls",
							"unknown control '" + control + "' in requirement " + r.id());
				}
			}
		}
		return framework;
	}

	/** The line where the index-th requirement starts. */
	static int requirementLine(String text, int index) {
		String[] lines = text.split("\n", -1);
		int seen = -1;
		boolean inRequirements = false;
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith("requirements:")) {
				inRequirements = true;
			}
			else if (inRequirements && lines[i].trim().startsWith("- ") && ++seen == index) {
				return i + 1;
			}
		}
		return 0;
	}

	/** The line of the index-th requirement's controls. */
	static int controlsLine(String text, int index) {
		int start = requirementLine(text, index);
		String[] lines = text.split("\n", -1);
		for (int i = Math.max(start - 1, 0); i < lines.length; i++) {
			if (lines[i].trim().replaceFirst("^- ", "").startsWith("controls:")) {
				return i + 1;
			}
		}
		return start;
	}

}
