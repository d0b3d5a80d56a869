package dev.evident.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The validated controls and frameworks of a run. */
public record ControlCatalog(List<Control> controls, List<Framework> frameworks) {

	public ControlCatalog {
		controls = List.copyOf(controls);
		frameworks = List.copyOf(frameworks);
	}

	public Optional<Control> find(String id) {
		return controls.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	public Optional<Framework> framework(String id) {
		return frameworks.stream().filter(f -> f.id().equals(id)).findFirst();
	}

	/**
	 * Which framework requirements each control supports, as
	 * {@code framework:requirement}: computed from the frameworks, never kept by hand.
	 */
	public Map<String, List<String>> requirementsByControl() {
		Map<String, List<String>> index = new TreeMap<>();
		for (Framework f : frameworks) {
			for (Framework.Requirement r : f.requirements()) {
				for (String control : r.controls()) {
					index.computeIfAbsent(control, k -> new ArrayList<>()).add(f.id() + ":" + r.id());
				}
			}
		}
		return index;
	}

	/** The catalog with only the given frameworks (all when the list is empty). */
	public ControlCatalog selecting(List<String> frameworkIds) {
		if (frameworkIds == null || frameworkIds.isEmpty()) {
			return this;
		}
		for (String id : frameworkIds) {
			if (framework(id).isEmpty()) {
				throw new IllegalArgumentException("--frameworks: unknown framework '" + id + "'; known: "
						+ String.join(", ", frameworks.stream().map(Framework::id).toList()));
			}
		}
		return new ControlCatalog(controls, frameworks.stream().filter(f -> frameworkIds.contains(f.id())).toList());
	}
}
