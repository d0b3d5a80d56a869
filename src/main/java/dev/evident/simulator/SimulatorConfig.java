package dev.evident.simulator;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Configuration of a {@link Simulator}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks an ephemeral port
 * @param dataFile organization data file (YAML); {@code null} uses the bundled demo
 * organization
 * @param referenceInstant instant that all relative ages in the data file are measured
 * from
 * @param threads size of the bounded request thread pool
 */
public record SimulatorConfig(int port, Path dataFile, Instant referenceInstant, int threads) {

	public SimulatorConfig {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port out of range: " + port);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be positive: " + threads);
		}
		if (referenceInstant == null) {
			referenceInstant = Instant.now();
		}
	}

	/** Ephemeral port, bundled demo data, reference instant = now, 8 threads. */
	public static SimulatorConfig defaults() {
		return new SimulatorConfig(0, null, Instant.now(), 8);
	}

	public SimulatorConfig withPort(int newPort) {
		return new SimulatorConfig(newPort, dataFile, referenceInstant, threads);
	}

	public SimulatorConfig withDataFile(Path newDataFile) {
		return new SimulatorConfig(port, newDataFile, referenceInstant, threads);
	}

	public SimulatorConfig withReferenceInstant(Instant newReferenceInstant) {
		return new SimulatorConfig(port, dataFile, newReferenceInstant, threads);
	}

	public SimulatorConfig withThreads(int newThreads) {
		return new SimulatorConfig(port, dataFile, referenceInstant, newThreads);
	}
}
