package dev.evident.support;

import java.nio.file.Path;
import java.util.List;

import dev.evident.simulator.Faults;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.synthetic.SyntheticSize;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A simulator serving a synthetic organization (findings generated on demand) for tests
 * and benchmarks, with the reference instant of the demo tests; the caller closes it.
 */
public final class SyntheticSimulator {

	private SyntheticSimulator() {
	}

	/** Starts a simulator serving a synthetic organization of {@code size}. */
	public static Simulator start(SyntheticSize size, int threads) {
		return Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withPort(0)
			.withReferenceInstant(DemoSimulator.AS_OF)
			.withThreads(threads)
			.withSynthetic(size));
	}

	/**
	 * Points Evident's AWS clients at {@code simulator}, with fake keys and fast, bounded
	 * retries (as {@link DemoSimulator#register} does).
	 */
	public static void register(DynamicPropertyRegistry registry, Simulator simulator) {
		registry.add("evident.aws.endpoint", () -> simulator.endpoint().toString());
		registry.add("evident.aws.region", () -> "us-east-1");
		registry.add("evident.aws.access-key-id", () -> DemoSimulator.BASE_ACCESS_KEY);
		registry.add("evident.aws.secret-access-key", () -> "test-fixture-secret");
		registry.add("evident.aws.max-attempts", () -> "3");
		registry.add("evident.aws.retry-base-delay", () -> "PT0.005S");
		registry.add("evident.aws.retry-max-delay", () -> "PT0.05S");
		registry.add("evident.iam.report-poll-initial", () -> "PT0.01S");
		registry.add("evident.iam.report-poll-max", () -> "PT0.05S");
	}

	/**
	 * Run parameters for the synthetic organization: 2026-Q3, the fixed clock, its
	 * regions.
	 */
	public static RunParameters run(String runId, Path out, Simulator simulator, int parallelism) {
		return new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO, out, null, null,
				List.of(), List.of(), simulator.organization().findingSource().regions(), parallelism);
	}

}
