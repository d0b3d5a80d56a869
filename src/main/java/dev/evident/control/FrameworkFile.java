package dev.evident.control;

import java.util.List;

/** The YAML shape of a framework file. */
record FrameworkFile(Header framework, List<Framework.Requirement> requirements) {

	record Header(String id, String name, String version, String source, String notes) {
	}

	Framework toFramework() {
		return new Framework(framework.id(), framework.name(), framework.version(), framework.source(),
				framework.notes(), requirements);
	}
}
