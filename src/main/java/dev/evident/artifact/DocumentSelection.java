package dev.evident.artifact;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which Artifact documents to download: {@code all} (the default), {@code none} (list and
 * read metadata only), or a comma-separated list of series such as {@code SOC 2,PCI DSS}.
 */
public record DocumentSelection(boolean all, List<String> series) {

	public static DocumentSelection parse(String text) {
		String t = text == null ? "all" : text.trim();
		if (t.isEmpty() || t.equalsIgnoreCase("all")) {
			return new DocumentSelection(true, List.of());
		}
		if (t.equalsIgnoreCase("none")) {
			return new DocumentSelection(false, List.of());
		}
		return new DocumentSelection(false,
				Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
	}

	public boolean includes(String reportSeries) {
		if (all) {
			return true;
		}
		String s = reportSeries == null ? "" : reportSeries.toLowerCase(Locale.ROOT);
		return series.stream().anyMatch(wanted -> s.equals(wanted.toLowerCase(Locale.ROOT)));
	}
}
