package dev.evident.bench;

import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.synthetic.SyntheticSize;
import dev.evident.support.DemoSimulator;

/**
 * The organization a benchmark runs against: the simulator's synthetic organization
 * (findings generated on demand), served on a given port.
 */
final class Workload {

	/** IAM users per account of the workload: 20,000 over 500 accounts. */
	static final int USERS_PER_ACCOUNT = 40;

	private Workload() {
	}

	/**
	 * {@code accounts} accounts (the management account included) and {@code findings}
	 * findings.
	 */
	static Simulator start(int port, int accounts, long findings) {
		return Simulator.start(SimulatorConfig.defaults()
			.withPort(port)
			.withReferenceInstant(DemoSimulator.AS_OF)
			.withThreads(16)
			.withSynthetic(SyntheticSize.of(accounts, accounts * USERS_PER_ACCOUNT, findings)));
	}

}
