package dev.evident.report;

import dev.evident.templates.TemplateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The contents of {@code report-templates/pdf/report.yaml}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PdfSettings(String template, String messages, List<FontSpec> fonts,
		@JsonProperty("replacement-text") String replacementText, Limits limits) {

	static final String FILE = "pdf/report.yaml";

	PdfSettings {
		template = template == null ? "report.xhtml" : template;
		messages = messages == null ? "messages.properties" : messages;
		fonts = fonts == null ? List.of() : List.copyOf(fonts);
		replacementText = replacementText == null || replacementText.isEmpty() ? "?" : replacementText;
		limits = limits == null ? new Limits(null, null, null, null, null) : limits;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record FontSpec(String file, String family, Integer weight, Boolean italic, Boolean fallback, Boolean shaping) {
		int weightOrDefault() {
			return weight == null ? 400 : weight;
		}

		boolean isItalic() {
			return Boolean.TRUE.equals(italic);
		}

		boolean isFallback() {
			return Boolean.TRUE.equals(fallback);
		}

		/**
		 * Whether PDFBox applies the font's glyph substitutions (GSUB) when drawing; off
		 * unless asked for (see report.yaml).
		 */
		boolean isShaping() {
			return Boolean.TRUE.equals(shaping);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Limits(@JsonProperty("table-rows") Integer tableRows, @JsonProperty("top-findings") Integer topFindings,
			@JsonProperty("inspector-accounts") Integer inspectorAccounts,
			@JsonProperty("scp-targets") Integer scpTargets, @JsonProperty("sla-breaches") Integer slaBreaches) {
		Limits {
			tableRows = positive(tableRows, 200);
			topFindings = positive(topFindings, 50);
			inspectorAccounts = positive(inspectorAccounts, 200);
			scpTargets = positive(scpTargets, 25);
			slaBreaches = positive(slaBreaches, 50);
		}

		private static Integer positive(Integer v, int dflt) {
			return v == null || v < 1 ? dflt : v;
		}
	}

	static PdfSettings load(TemplateSource templates) {
		try (InputStream in = templates.open(FILE)) {
			return new ObjectMapper(new YAMLFactory()).readValue(in, PdfSettings.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + FILE, e);
		}
	}
}
