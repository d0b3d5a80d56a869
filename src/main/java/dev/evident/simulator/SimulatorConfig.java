package dev.evident.simulator;

import dev.evident.simulator.server.FaultHook;

import dev.evident.simulator.synthetic.SyntheticSize;

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
 * @param synthetic when set, a synthetic organization of this size is served instead of
 * the data file, its findings generated on demand
 * @param faults asked on every request; {@link FaultHook#NONE}: a healthy AWS
 */
public record SimulatorConfig(int port, Path dataFile, Instant referenceInstant, int threads, SyntheticSize synthetic,
		FaultHook faults) {

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
		if (faults == null) {
			faults = FaultHook.NONE;
		}
	}

	/** A data file's organization. */
	public SimulatorConfig(int port, Path dataFile, Instant referenceInstant, int threads) {
		this(port, dataFile, referenceInstant, threads, null, FaultHook.NONE);
	}

	/** Ephemeral port, bundled demo data, reference instant = now, 8 threads. */
	public static SimulatorConfig defaults() {
		return new SimulatorConfig(0, null, Instant.now(), 8);
	}

	public SimulatorConfig withPort(int newPort) {
		return new SimulatorConfig(newPort, dataFile, referenceInstant, threads, synthetic, faults);
	}

	public SimulatorConfig withDataFile(Path newDataFile) {
		return new SimulatorConfig(port, newDataFile, referenceInstant, threads, synthetic, faults);
	}

	public SimulatorConfig withReferenceInstant(Instant newReferenceInstant) {
		return new SimulatorConfig(port, dataFile, newReferenceInstant, threads, synthetic, faults);
	}

	public SimulatorConfig withThreads(int newThreads) {
		return new SimulatorConfig(port, dataFile, referenceInstant, newThreads, synthetic, faults);
	}

	/** Asks {@code hook} for faults on every request (tests). */
	public SimulatorConfig withFaults(FaultHook hook) {
		return new SimulatorConfig(port, dataFile, referenceInstant, threads, synthetic, hook);
	}

	/** Serves a synthetic organization of {@code size} (null: the data file again). */
	public SimulatorConfig withSynthetic(SyntheticSize size) {
		return new SimulatorConfig(port, dataFile, referenceInstant, threads, size, faults);
	}

}
