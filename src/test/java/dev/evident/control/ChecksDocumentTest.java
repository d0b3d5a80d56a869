package dev.evident.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mappings/checks.md} lists every check as the code has it: what it reads, its
 * parameters with their types, and the values the built-in controls give them. After a
 * change to a check or a built-in control, regenerate it with
 * {@code ./mvnw test -Dtest=ChecksDocumentTest -Devident.checks-doc=write}.
 */
class ChecksDocumentTest {

	static final Path DOCUMENT = Path.of("mappings", "checks.md");

	@Test
	void mappingsChecksMdListsEveryCheckAsTheCodeHasIt() throws Exception {
		Map<String, Check> checks = Checks.forValidation().byId();
		String expected = render(checks, new MappingsLoader(checks).load(null, List.of()));
		if ("write".equals(System.getProperty("evident.checks-doc"))) {
			Files.writeString(DOCUMENT, expected);
		}

		assertThat(Files.readString(DOCUMENT))
			.as("mappings/checks.md is stale: ./mvnw test -Dtest=ChecksDocumentTest -Devident.checks-doc=write")
			.isEqualTo(expected);
	}

	static String render(Map<String, Check> checks, ControlCatalog builtIn) {
		StringBuilder md = new StringBuilder();
		md.append("# Checks\n\n")
			.append("Every check a control can name as `check.id`, generated from the code by `ChecksDocumentTest`\n")
			.append("(do not edit by hand). A control's `evidence` may list only what its check reads; its\n")
			.append("`check.params` must give every parameter of the check, with its type, and no other\n")
			.append("(`evident mappings validate` and every run refuse anything else, naming file, line and field).\n")
			.append("The built-in values are those of the controls under `controls/`; `--set <control>.<param>=<value>`\n")
			.append("changes one for a run.\n");
		for (Check check : checks.values()) {
			List<Control> users = builtIn.controls()
				.stream()
				.filter(c -> c.check().id().equals(check.id()))
				.sorted(java.util.Comparator.comparing(Control::id))
				.toList();
			md.append("\n## `").append(check.id()).append("`\n\n");
			md.append("Reads: ")
				.append(check.reads().stream().map(r -> "`" + r + "`").collect(Collectors.joining(", ")))
				.append("  \n");
			md.append("Built-in controls: ")
				.append(users.isEmpty() ? "none"
						: users.stream().map(c -> "`" + c.id() + "`").collect(Collectors.joining(", ")))
				.append("\n\n");
			if (check.parameterTypes().isEmpty()) {
				md.append("No parameters.\n");
				continue;
			}
			md.append("| parameter | type | built-in value |\n|---|---|---|\n");
			for (var parameter : new TreeMap<>(check.parameterTypes()).entrySet()) {
				String values = users.stream()
					.map(c -> "`" + yaml(c.check().params().get(parameter.getKey())) + "`"
							+ (users.size() > 1 ? " (" + c.id() + ")" : ""))
					.collect(Collectors.joining(", "));
				md.append("| `")
					.append(parameter.getKey())
					.append("` | ")
					.append(MappingYaml.describe(parameter.getValue()))
					.append(" | ")
					.append(values.isEmpty() ? "" : values)
					.append(" |\n");
			}
		}
		return md.toString();
	}

	/** A parameter's value as one would write it inline in YAML. */
	private static String yaml(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map(e -> e.getKey() + ": " + yaml(e.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(ChecksDocumentTest::yaml).collect(Collectors.joining(", ", "[", "]"));
		}
		return String.valueOf(value);
	}

}
