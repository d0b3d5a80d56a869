package dev.evident.simulator.data;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** The {@code findings:} section of the data file. */
public record FindingsSpec(long seed, List<VulnerabilitySpec> catalog, List<GeneratedSpec> generated,
		List<ExplicitSpec> explicit) {

	public FindingsSpec {
		catalog = DataFile.orEmpty(catalog);
		generated = DataFile.orEmpty(generated);
		explicit = DataFile.orEmpty(explicit);
	}

	/** A known vulnerability that generated package findings draw from. */
	public record VulnerabilitySpec(String id, String severity, @JsonProperty("package") String packageName,
			String version, String fixedIn, String manager, double score, String vector, boolean exploit) {
	}

	/** Counts per severity, each {@code [ACTIVE, SUPPRESSED, CLOSED]}. */
	public record GeneratedSpec(String account, String region, Map<String, List<Integer>> counts) {
	}

	/**
	 * One finding declared explicitly; {@code description} (optional) replaces the
	 * generated one.
	 */
	public record ExplicitSpec(String account, String region, String type, String severity, String status, int ageDays,
			String vulnerability, String title, String description) {
	}
}
