package dev.evident.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import dev.evident.simulator.Faults;
import dev.evident.run.FindingsExport;
import dev.evident.run.RunParameters;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.synthetic.SyntheticSize;
import dev.evident.support.DemoSimulator;

import org.springframework.test.context.DynamicPropertyRegistry;

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
	 * The KMS key of the benchmarks' findings reports (the simulator checks its form).
	 */
	static final String KMS_KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	/** A free port on loopback for a simulator that is restarted between sizes. */
	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Points the job at a simulator on {@code port} with an H2 file store under
	 * {@code work} (or the database named by {@code -Dbench.store-url}, with
	 * {@code -Dbench.store-user} and {@code -Dbench.store-password}: PostgreSQL, the
	 * scale-out store), fake keys and fast polling.
	 */
	static void register(DynamicPropertyRegistry registry, Path work, int port) {
		String store = System.getProperty("bench.store-url", "");
		if (store.isBlank()) {
			registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + work.resolve("store") + ";DB_CLOSE_DELAY=-1");
		}
		else {
			registry.add("spring.datasource.url", () -> store);
			registry.add("spring.datasource.username", () -> System.getProperty("bench.store-user", ""));
			registry.add("spring.datasource.password", () -> System.getProperty("bench.store-password", ""));
		}
		registry.add("evident.aws.endpoint", () -> "http://127.0.0.1:" + port);
		registry.add("evident.aws.region", () -> "us-east-1");
		registry.add("evident.aws.access-key-id", () -> DemoSimulator.BASE_ACCESS_KEY);
		registry.add("evident.aws.secret-access-key", () -> "bench-secret");
		registry.add("evident.iam.report-poll-initial", () -> "PT0.05S");
		registry.add("evident.inspector.report-poll-initial", () -> "PT0.05S");
	}

	/**
	 * The run's findings from one findings report a region ({@code --findings-export}).
	 */
	static RunParameters withFindingsReport(RunParameters parameters, String bucket) {
		return parameters.withFindingsExport(FindingsExport.parse("s3://" + bucket + "/findings/", KMS_KEY, null));
	}

	/**
	 * {@code accounts} accounts (the management account included) and {@code findings}
	 * findings.
	 */
	static Simulator start(int port, int accounts, long findings) {
		return Simulator.start(SimulatorConfig.defaults().withFaults(new Faults())
			.withPort(port)
			.withReferenceInstant(DemoSimulator.AS_OF)
			.withThreads(16)
			.withSynthetic(SyntheticSize.of(accounts, accounts * USERS_PER_ACCOUNT, findings)));
	}

}
