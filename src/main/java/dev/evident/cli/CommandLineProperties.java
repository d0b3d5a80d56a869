package dev.evident.cli;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings a user gave as options ({@code --templates}, {@code --mappings},
 * {@code --set}, {@code --sign-keystore}...): they win over the same settings in the
 * environment ({@code EVIDENT_TEMPLATES_DIR}...) and in files, as a command line should.
 * Options with a default stay defaults, below the environment.
 */
final class CommandLineProperties {

	private CommandLineProperties() {
	}

	static void addFirst(SpringApplication app, Map<String, Object> given) {
		if (given.isEmpty()) {
			return;
		}
		app.addInitializers(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("evident-options", Map.copyOf(given))));
	}

}
