package dev.evident.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.evident.simulator.Faults;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.model.Finding;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One simulator for the test JVM, serving the demo organization with a fixed reference
 * instant so that ages and statuses are deterministic. Tests reset its faults and call
 * log before use.
 */
public final class DemoSimulator {

	/** The reference instant of the demo data and the {@code asOf} of the tests. */
	public static final Instant AS_OF = Instant.parse("2026-10-15T00:00:00Z");

	/** The fake access key of the base (management account) credentials in tests. */
	public static final String BASE_ACCESS_KEY = "AKIDTESTFIXTURE";

	private static Simulator simulator;

	private DemoSimulator() {
	}

	public static synchronized Simulator get() {
		if (simulator == null) {
			simulator = Simulator
				.start(SimulatorConfig.defaults().withFaults(new Faults()).withPort(0).withReferenceInstant(AS_OF));
			Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
		}
		return simulator;
	}

	/**
	 * Points Evident's AWS clients at the simulator, with fake keys and fast, bounded
	 * retries.
	 */
	public static void register(DynamicPropertyRegistry registry) {
		Simulator s = get();
		registry.add("evident.aws.endpoint", () -> s.endpoint().toString());
		registry.add("evident.aws.region", () -> "us-east-1");
		registry.add("evident.aws.access-key-id", () -> BASE_ACCESS_KEY);
		registry.add("evident.aws.secret-access-key", () -> "test-fixture-secret");
		registry.add("evident.aws.max-attempts", () -> "3");
		registry.add("evident.aws.retry-base-delay", () -> "PT0.005S");
		registry.add("evident.aws.retry-max-delay", () -> "PT0.05S");
		registry.add("evident.iam.report-poll-initial", () -> "PT0.01S");
		registry.add("evident.iam.report-poll-max", () -> "PT0.05S");
		registry.add("evident.inspector.report-poll-initial", () -> "PT0.01S");
		registry.add("evident.inspector.report-poll-max", () -> "PT0.05S");
	}

	/**
	 * {@link #register} for a context that test classes share ({@link DemoJobTest}): an
	 * initializer is part of the context's cache key, a test's own
	 * {@code @DynamicPropertySource} method is not shared.
	 */
	public static final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
			register(new DynamicPropertyRegistry() {
				@Override
				public void add(String name, Supplier<Object> value) {
					properties.put(name, value);
				}
			});
			TestPropertyValues
				.of(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().get()).toList())
				.applyTo(context);
		}

	}

	/** The regions the demo organization has findings in. */
	public static List<String> regions() {
		return get().organization().findings().stream().map(Finding::region).distinct().sorted().toList();
	}

}
