package dev.evident.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --templates DIR} of {@code run}, {@code demo} and {@code render}. */
public class TemplatesOption {

	@Option(names = "--templates", paramLabel = "DIR",
			description = "Report look and wording from this folder, laid out as report-templates/ "
					+ "(pdf/messages.properties, pdf/report.css, excel/workbook.yaml...): each file in it replaces "
					+ "the built-in one, the others stay (see report-templates/README.md).")
	Path templates;

	/**
	 * Puts the folder into {@code properties} as {@code evident.templates-dir}.
	 * @return a usage error, or null
	 */
	String apply(Map<String, Object> properties) {
		if (templates == null) {
			return null;
		}
		if (!Files.isDirectory(templates)) {
			return "--templates " + templates + " is not a folder";
		}
		properties.put("evident.templates-dir", templates.toAbsolutePath().normalize().toString());
		return null;
	}

}
