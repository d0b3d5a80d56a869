package dev.evident.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.evident.templates.TemplateSource;

/** The contents of {@code report-templates/excel/workbook.yaml}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record WorkbookLayout(Integer window, @JsonProperty("date-format") String dateFormat,
		@JsonProperty("integer-format") String integerFormat, @JsonProperty("decimal-format") String decimalFormat,
		@JsonProperty("status-colors") Map<String, StatusColor> statusColors, Summary summary,
		Map<String, SheetLayout> sheets) {

	static final String FILE = "excel/workbook.yaml";

	WorkbookLayout {
		window = window == null || window < 10 ? 200 : window;
		dateFormat = dateFormat == null ? "yyyy-mm-dd hh:mm:ss" : dateFormat;
		integerFormat = integerFormat == null ? "#,##0" : integerFormat;
		decimalFormat = decimalFormat == null ? "0.0" : decimalFormat;
		statusColors = statusColors == null ? Map.of() : statusColors;
		sheets = sheets == null ? Map.of() : sheets;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record StatusColor(String fill, String font) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Summary(String name, List<Integer> widths, Map<String, String> labels) {
		Summary {
			name = name == null ? "Summary" : name;
			widths = widths == null ? List.of(34, 60) : widths;
			labels = labels == null ? Map.of() : labels;
		}

		String label(String key) {
			return labels.getOrDefault(key, key);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SheetLayout(String name, List<ColumnLayout> columns) {
		SheetLayout {
			columns = columns == null ? List.of() : List.copyOf(columns);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ColumnLayout(String key, String header, Integer width) {
		int widthOrDefault() {
			return width == null || width < 1 ? 16 : Math.min(width, 255);
		}
	}

	static WorkbookLayout load(TemplateSource templates) {
		try (InputStream in = templates.open(FILE)) {
			return new ObjectMapper(new YAMLFactory()).readValue(in, WorkbookLayout.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + FILE, e);
		}
	}
}
