package dev.evident.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import dev.evident.simulator.Faults;
import dev.evident.EvidentApplication;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.model.Finding;
import dev.evident.support.DemoSimulator;

/**
 * A separate JVM for the crash tests: serves a data file from a simulator (optionally
 * slowed down) and runs {@code evident run --source aws} against it with an H2 file
 * store, exactly as a user would. The parent test kills it with SIGKILL and runs it
 * again.
 */
public final class CrashHarness {

	/** ListFindings pages served before {@link #PAGES_MARKER} is printed. */
	static final int PAGES_SERVED = 40;

	static final String PAGES_MARKER = "crash-harness: ListFindings pages served=" + PAGES_SERVED;

	private CrashHarness() {
	}

	/** Arguments: data folder, output folder, latency in ms, simulator data file. */
	public static void main(String[] args) {
		Path data = Path.of(args[0]);
		Path out = Path.of(args[1]);
		Simulator simulator = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withPort(0)
			.withDataFile(Path.of(args[3]))
			.withReferenceInstant(DemoSimulator.AS_OF));
		Faults.of(simulator).latency(Duration.ofMillis(Integer.parseInt(args[2])));
		announceFindingsPages(simulator);
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + data.resolve("evident").toAbsolutePath());
		System.setProperty("evident.aws.endpoint", simulator.endpoint().toString());
		System.setProperty("evident.aws.region", "us-east-1");
		System.setProperty("evident.aws.access-key-id", DemoSimulator.BASE_ACCESS_KEY);
		System.setProperty("evident.aws.secret-access-key", "crash-test-secret");
		System.setProperty("evident.aws.retry-base-delay", "PT0.01S");
		System.setProperty("evident.iam.report-poll-initial", "PT0.01S");
		String regions = String.join(",",
				simulator.organization().findings().stream().map(Finding::region).distinct().sorted().toList());
		int code = EvidentApplication.execute("run", "--source", "aws", "--period", "2026-Q3", "--as-of",
				DemoSimulator.AS_OF.toString(), "--out", out.toString(), "--regions", regions);
		simulator.close();
		System.exit(code);
	}

	/**
	 * Prints {@value #PAGES_MARKER} once the simulator has served that many ListFindings
	 * pages, so that a test can kill the run mid-crawl, whatever the machine's speed.
	 */
	private static void announceFindingsPages(Simulator simulator) {
		Thread watcher = new Thread(() -> {
			while (simulator.calls().count("inspector2:ListFindings") < PAGES_SERVED) {
				LockSupport.parkNanos(5_000_000L);
			}
			System.out.println(PAGES_MARKER);
		}, "crash-harness-pages");
		watcher.setDaemon(true);
		watcher.start();
	}

}
