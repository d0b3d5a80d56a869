package dev.evident.cli;

import java.util.List;

import dev.evident.simulator.Simulator;

/** The regions the demo organization has findings in. */
final class DemoRegions {

	private DemoRegions() {
	}

	static List<String> of(Simulator simulator) {
		return simulator.organization().findingSource().regions();
	}

}
