package dev.evident.control;

import java.util.List;
import java.util.Optional;

/** The validated control catalog of a run. */
public record ControlCatalog(List<Control> controls) {

	public Optional<Control> find(String id) {
		return controls.stream().filter(c -> c.id().equals(id)).findFirst();
	}
}
