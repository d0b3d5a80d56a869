package dev.evident.bench;

import java.io.IOException;
import java.nio.file.Path;

import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.support.DemoSimulator;
import dev.evident.support.SyntheticOrganization;

/** The organization a benchmark runs against, served on a given port. */
final class Workload {

	private Workload() {
	}

	/**
	 * The management account and {@code members} member accounts sharing {@code findings}
	 * findings.
	 */
	static Simulator start(Path work, int port, int members, long findings) throws IOException {
		if (findings % members != 0) {
			throw new IllegalArgumentException(findings + " findings do not divide over " + members + " members");
		}
		Path data = SyntheticOrganization.write(work, members, (int) (findings / members));
		return Simulator.start(SimulatorConfig.defaults()
			.withPort(port)
			.withDataFile(data)
			.withReferenceInstant(DemoSimulator.AS_OF)
			.withThreads(16));
	}

}
