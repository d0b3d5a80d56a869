package dev.evident.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logging defaults for the command line: quiet on a terminal (the progress line speaks),
 * one structured logfmt line per event elsewhere (containers, schedulers), and no stack
 * trace for a user error unless {@code --verbose}.
 */
final class Logging {

	private Logging() {
	}

	static Map<String, Object> defaults(boolean verbose) {
		Map<String, Object> p = new LinkedHashMap<>();
		boolean terminal = System.console() != null;
		p.put("evident.log.format", terminal ? "plain" : "ecs");
		// On a terminal the progress line shows steps and gaps; logs would only break it.
		p.put("logging.level.dev.evident", verbose ? "DEBUG" : terminal ? "ERROR" : "INFO");
		// Start-up failures are reported by the CLI in one line.
		p.put("logging.level.org.springframework.boot.SpringApplication", verbose ? "ERROR" : "OFF");
		p.put("logging.level.org.springframework.boot.diagnostics", verbose ? "ERROR" : "OFF");
		p.put("logging.level.org.springframework.context", verbose ? "WARN" : "OFF");
		p.put("logging.level.org.springframework.batch.core.step", verbose ? "ERROR" : "OFF");
		p.put("logging.level.org.springframework.batch.core.job", verbose ? "ERROR" : "OFF");
		p.put("logging.level.com.openhtmltopdf", verbose ? "DEBUG" : "WARN");
		return p;
	}

}
