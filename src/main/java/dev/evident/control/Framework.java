package dev.evident.control;

import java.util.List;

/**
 * A compliance framework, as written in
 * {@code mappings/frameworks/<framework>_<version>.yaml}: its requirements, each listing
 * the controls that support it. This is the one authoritative direction of the mapping;
 * which frameworks use a control is computed from it.
 */
public record Framework(String id, String name, String version, String source, String notes,
		List<Requirement> requirements) {

	public Framework {
		requirements = requirements == null ? List.of() : List.copyOf(requirements);
	}

	/**
	 * A requirement with its official id and name and the supporting controls (none:
	 * MANUAL).
	 */
	public record Requirement(String id, String name, List<String> controls) {

		public Requirement {
			controls = controls == null ? List.of() : List.copyOf(controls);
		}
	}
}
