package dev.evident.support;

import java.nio.file.Path;
import java.util.List;

import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;

/** Run parameters for tests: the demo organization, 2026-Q3, the fixed clock. */
public final class TestRuns {

	private TestRuns() {
	}

	public static RunParameters demo(String runId, Path out) {
		return new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO, out, null, null,
				List.of(), List.of(), DemoSimulator.regions(), 4);
	}

}
