package dev.evident.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Faults;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.synthetic.SyntheticSize;
import dev.evident.support.DemoSimulator;
import dev.evident.support.SyntheticSimulator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collection wall time at scale (not part of the default test run;
 * {@code ./mvnw -B -Pbench verify -Dtest=AccountCollectionBenchmark}): the collection
 * steps of the {@code evidencePackage} job for the synthetic organization of
 * {@value #ACCOUNTS} accounts, every one enabled in 4 regions with its network there,
 * with {@value #LATENCY_MS} ms injected per request and parallelism {@value #PARALLELISM},
 * with the product's own retry settings. Three collections side by side, alternating in
 * one JVM: the wave-1 sources alone ({@code discoverOrganization}, {@code collectAccounts}),
 * with the network ({@code collectNetwork} after them), and with the entry points too
 * ({@code collectEntryPoints}).
 * <p>
 * Each runs without throttling, which gives the calls it needs (every call the simulator
 * received), and with {@value #THROTTLE_RATE} of all calls throttled. The ideal bound is
 * {@code calls x latency / parallelism}: every call of the unthrottled run at
 * {@value #LATENCY_MS} ms, {@value #PARALLELISM} at a time, with nothing else. Wall time
 * is the job repository's, from the first step's start to the last step's end. Medians of
 * 3 (-Dbench.repeats=N); the table goes to target/benchmark/accounts.md.
 */
@Tag("benchmark")
@SpringBootTest
class AccountCollectionBenchmark {

	/** Every account of the organization, the management account included. */
	static final int ACCOUNTS = 501;

	static final int USERS = 4_000;

	static final int LATENCY_MS = 20;

	static final int PARALLELISM = 10;

	static final double THROTTLE_RATE = 0.05;

	static final int REPEATS = Integer.getInteger("bench.repeats", 3);

	static final List<String> WAVE_1 = List.of("discoverOrganization", "collectAccounts");

	static final List<String> WITH_NETWORK = List.of("discoverOrganization", "collectAccounts", "collectNetwork");

	static final List<String> WAVE_2 = List.of("discoverOrganization", "collectAccounts", "collectNetwork",
			"collectEntryPoints");

	static Simulator simulator;

	static Path work;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		work = Files.createTempDirectory("evident-bench-accounts");
		simulator = SyntheticSimulator.start(SyntheticSize.of(ACCOUNTS, USERS, 0), 32);
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + work.resolve("store") + ";DB_CLOSE_DELAY=-1");
		registry.add("evident.aws.endpoint", () -> simulator.endpoint().toString());
		registry.add("evident.aws.region", () -> "us-east-1");
		registry.add("evident.aws.access-key-id", () -> DemoSimulator.BASE_ACCESS_KEY);
		registry.add("evident.aws.secret-access-key", () -> "bench-secret");
		registry.add("evident.parallelism", () -> PARALLELISM);
		// -Dbench.throttlingBase=PT1S compares with the SDK's own first backoff after
		// throttling
		if (System.getProperty("bench.throttlingBase") != null) {
			registry.add("evident.aws.throttling-base-delay", () -> System.getProperty("bench.throttlingBase"));
			registry.add("evident.aws.max-attempts", () -> "8");
		}
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	/** The collection steps of the evidencePackage job, alone. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CollectionJobs {

		@Bean
		Job wave1Collection(JobRepository jobRepository, @Qualifier("discoverOrganization") Step discoverOrganization,
				@Qualifier("collectAccounts") Step collectAccounts) {
			return new JobBuilder("wave1Collection", jobRepository).start(discoverOrganization)
				.next(collectAccounts)
				.build();
		}

		@Bean
		Job wave2Collection(JobRepository jobRepository, @Qualifier("discoverOrganization") Step discoverOrganization,
				@Qualifier("collectAccounts") Step collectAccounts, @Qualifier("collectNetwork") Step collectNetwork,
				@Qualifier("collectEntryPoints") Step collectEntryPoints) {
			return new JobBuilder("wave2Collection", jobRepository).start(discoverOrganization)
				.next(collectAccounts)
				.next(collectNetwork)
				.next(collectEntryPoints)
				.build();
		}

		@Bean
		Job networkCollection(JobRepository jobRepository, @Qualifier("discoverOrganization") Step discoverOrganization,
				@Qualifier("collectAccounts") Step collectAccounts, @Qualifier("collectNetwork") Step collectNetwork) {
			return new JobBuilder("networkCollection", jobRepository).start(discoverOrganization)
				.next(collectAccounts)
				.next(collectNetwork)
				.build();
		}

	}

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier("wave1Collection")
	Job wave1;

	@Autowired
	@Qualifier("networkCollection")
	Job network;

	@Autowired
	@Qualifier("wave2Collection")
	Job wave2;

	@Autowired
	JdbcTemplate jdbc;

	/** Calls and seconds of each run of one collection, plain and throttled. */
	private record Series(List<Double> calls, List<Double> plain, List<Double> throttledCalls,
			List<Double> throttled) {

		Series() {
			this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		}

	}

	@Test
	void collection() throws Exception {
		Series first = new Series();
		Series second = new Series();
		Series third = new Series();
		// warm-up (JIT), not counted
		Faults.of(simulator).reset().latency(Duration.ofMillis(LATENCY_MS));
		collect(wave2, WAVE_2, "warm-up");
		for (int i = 0; i < REPEATS; i++) {
			measure(wave1, WAVE_1, "wave1-" + i, i, first);
			measure(network, WITH_NETWORK, "network-" + i, i, second);
			measure(wave2, WAVE_2, "wave2-" + i, i, third);
		}
		String table = String.join("\n", "| collection | calls | median | ideal | ratio |", "|---|---|---|---|---|",
				rows("wave 1 (discoverOrganization + collectAccounts)", first),
				rows("with the network (+ collectNetwork, 4 regions)", second),
				rows("wave 2 (+ collectEntryPoints: ELBv2, WAFv2, CloudFront, Shield)", third), "",
				String.format(Locale.ROOT,
						"%d accounts (the management account included), %d IAM users, 4 enabled regions per account "
								+ "with their VPCs, security groups and network ACLs, %d ms per request, parallelism "
								+ "%d; ideal = calls x latency / parallelism, from the calls of the run without "
								+ "throttling. Medians of %d runs each, the three collections alternating, in one JVM.",
						ACCOUNTS, USERS, LATENCY_MS, PARALLELISM, REPEATS));
		System.out.println("\n" + table + "\n");
		Path report = Path.of("target/benchmark/accounts.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table + "\n");
	}

	private void measure(Job job, List<String> steps, String runId, int i, Series series) throws Exception {
		Faults.of(simulator).reset().latency(Duration.ofMillis(LATENCY_MS));
		simulator.calls().reset();
		series.plain().add(collect(job, steps, runId + "-plain"));
		series.calls().add((double) simulator.calls().total());
		Faults.of(simulator).reset().latency(Duration.ofMillis(LATENCY_MS)).throttleRate(THROTTLE_RATE, 17 + i);
		simulator.calls().reset();
		series.throttled().add(collect(job, steps, runId + "-throttled"));
		series.throttledCalls().add((double) simulator.calls().total());
	}

	private static String rows(String label, Series s) {
		double ideal = median(s.calls()) * LATENCY_MS / 1000.0 / PARALLELISM;
		return String.join("\n", row(label + ", no throttling", median(s.calls()), median(s.plain()), ideal),
				row(label + String.format(Locale.ROOT, ", %.0f%% of calls throttled", THROTTLE_RATE * 100),
						median(s.throttledCalls()), median(s.throttled()), ideal));
	}

	private static String row(String label, double calls, double seconds, double ideal) {
		return String.format(Locale.ROOT, "| %s | %,.0f (%.1f per account) | %.2f s | %.2f s | %.2f |", label, calls,
				calls / ACCOUNTS, seconds, ideal, seconds / ideal);
	}

	/** Runs the collection steps; returns their wall time in seconds. */
	private double collect(Job job, List<String> steps, String runId) throws Exception {
		RunParameters parameters = new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO,
				work.resolve("out"), null, null, List.of(), List.of(), List.of(), PARALLELISM);
		long cpu = cpuNanos();
		JobExecution execution = jobOperator.start(job, parameters.toJobParameters());
		System.out.printf(Locale.ROOT, "%s: %.2f s of CPU (process, simulator included), %d calls%n", runId,
				(cpuNanos() - cpu) / 1e9, simulator.calls().total());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(DISTINCT account_id) FROM ev_credential_report_row WHERE run_id = ?",
						Integer.class, runId))
			.isEqualTo(reachable());
		if (steps.contains("collectNetwork")) {
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM ev_account_region WHERE run_id = ? AND status = 'COLLECTED'", Integer.class,
					runId))
				.isEqualTo(reachable() * 4);
		}
		String in = String.join(", ", Collections.nCopies(steps.size(), "?"));
		List<Object> args = new ArrayList<>(List.of(runId));
		args.addAll(steps);
		Map<String, Object> row = jdbc.queryForMap("SELECT MIN(s.START_TIME) AS S, MAX(s.END_TIME) AS E "
				+ "FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
				+ "WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ? AND s.STEP_NAME IN (" + in + ")",
				args.toArray());
		return Duration.between(((Timestamp) row.get("S")).toInstant(), ((Timestamp) row.get("E")).toInstant())
			.toMillis() / 1000.0;
	}

	/** The accounts whose role can be assumed: all but the suspended and denied ones. */
	private static int reachable() {
		return (int) simulator.organization()
			.accounts()
			.stream()
			.filter(a -> !a.suspended() && !a.assumeRoleDenied())
			.count();
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
