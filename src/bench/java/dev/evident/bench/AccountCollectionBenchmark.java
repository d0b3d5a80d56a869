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

import dev.evident.simulator.Faults;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.support.DemoSimulator;
import dev.evident.support.SyntheticOrganization;

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
 * {@code ./mvnw -B -Pbench verify}): the collection steps ({@code discoverOrganization}
 * then {@code collectAccounts}, as in the {@code evidencePackage} job) for an
 * organization of {@value #ACCOUNTS} member accounts, with {@value #LATENCY_MS} ms
 * injected per request and parallelism {@value #PARALLELISM}, with the product's own
 * retry settings.
 * <p>
 * Each repeat runs twice: without throttling, which gives the calls the collection needs
 * (every call the simulator received, Organizations and management account included), and
 * with {@value #THROTTLE_RATE} of all calls throttled. The ideal bound is
 * {@code calls per account x latency x accounts / parallelism}, that is every call of the
 * unthrottled run at {@value #LATENCY_MS} ms, {@value #PARALLELISM} at a time with
 * nothing else. Wall time is the job repository's: start of {@code discoverOrganization}
 * to end of {@code collectAccounts}. Medians of 3 (-Dbench.repeats=N); the table goes to
 * target/benchmark/accounts.md.
 */
@Tag("benchmark")
@SpringBootTest
class AccountCollectionBenchmark {

	static final int ACCOUNTS = 500;

	static final int LATENCY_MS = 20;

	static final int PARALLELISM = 10;

	static final double THROTTLE_RATE = 0.05;

	static final int REPEATS = Integer.getInteger("bench.repeats", 3);

	static Simulator simulator;

	static Path work;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		work = Files.createTempDirectory("evident-bench-accounts");
		Path data = SyntheticOrganization.write(work, ACCOUNTS, 0);
		simulator = Simulator.start(SimulatorConfig.defaults().withFaults(new Faults())
			.withPort(0)
			.withDataFile(data)
			.withReferenceInstant(DemoSimulator.AS_OF)
			.withThreads(32));
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
	static class CollectionJob {

		@Bean
		Job collectionOnly(JobRepository jobRepository, @Qualifier("discoverOrganization") Step discoverOrganization,
				@Qualifier("collectAccounts") Step collectAccounts) {
			return new JobBuilder("collectionOnly", jobRepository).start(discoverOrganization)
				.next(collectAccounts)
				.build();
		}

	}

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier("collectionOnly")
	Job collectionOnly;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void collection() throws Exception {
		List<Double> calls = new ArrayList<>();
		List<Double> plain = new ArrayList<>();
		List<Double> throttled = new ArrayList<>();
		List<Double> throttledCalls = new ArrayList<>();
		// warm-up (JIT), not counted
		Faults.of(simulator).reset().latency(Duration.ofMillis(LATENCY_MS));
		collect("warm-up");
		for (int i = 0; i < REPEATS; i++) {
			Faults.of(simulator).reset().latency(Duration.ofMillis(LATENCY_MS));
			simulator.calls().reset();
			plain.add(collect("plain-" + i));
			calls.add((double) simulator.calls().total());

			Faults.of(simulator).reset().latency(Duration.ofMillis(LATENCY_MS)).throttleRate(THROTTLE_RATE, 17 + i);
			simulator.calls().reset();
			throttled.add(collect("throttled-" + i));
			throttledCalls.add((double) simulator.calls().total());
		}
		int accounts = ACCOUNTS + 1;
		double perAccount = median(calls) / accounts;
		double ideal = perAccount * LATENCY_MS / 1000.0 * accounts / PARALLELISM;
		String table = String.join("\n",
				"| collection (discoverOrganization + collectAccounts) | calls | median | ideal | ratio |",
				"|---|---|---|---|---|", row("no throttling", median(calls), accounts, median(plain), ideal),
				row(String.format(Locale.ROOT, "%.0f%% of calls throttled", THROTTLE_RATE * 100),
						median(throttledCalls), accounts, median(throttled), ideal),
				"",
				String.format(Locale.ROOT,
						"%d accounts (%d members and the management account), %d ms per request, parallelism %d; "
								+ "ideal = calls per account x latency x accounts / parallelism, from the calls of the "
								+ "run without throttling. Medians of %d runs each, alternating, in one JVM.",
						accounts, ACCOUNTS, LATENCY_MS, PARALLELISM, REPEATS));
		System.out.println("\n" + table + "\n");
		Path report = Path.of("target/benchmark/accounts.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table + "\n");
	}

	private static String row(String label, double calls, int accounts, double seconds, double ideal) {
		return String.format(Locale.ROOT, "| %s | %,.0f (%.1f per account) | %.2f s | %.2f s | %.2f |", label, calls,
				calls / accounts, seconds, ideal, seconds / ideal);
	}

	/** Runs the collection steps; returns their wall time in seconds. */
	private double collect(String runId) throws Exception {
		RunParameters parameters = new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO,
				work.resolve("out"), null, null, List.of(), List.of(), List.of("us-east-1"), PARALLELISM);
		long cpu = cpuNanos();
		JobExecution execution = jobOperator.start(collectionOnly, parameters.toJobParameters());
		System.out.printf(Locale.ROOT, "%s: %.2f s of CPU (process, simulator included)%n", runId,
				(cpuNanos() - cpu) / 1e9);
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(DISTINCT account_id) FROM ev_credential_report_row WHERE run_id = ?",
						Integer.class, runId))
			.isEqualTo(ACCOUNTS + 1);
		jdbc.query("SELECT s.STEP_NAME, s.START_TIME, s.END_TIME FROM BATCH_STEP_EXECUTION s "
				+ "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
				+ "WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ? "
				+ "AND s.STEP_NAME IN ('discoverOrganization', 'collectAccounts')", rs -> {
					System.out.printf(Locale.ROOT, "%s %s: %.2f s, %d calls%n", runId, rs.getString(1),
							Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()).toMillis()
									/ 1000.0,
							simulator.calls().total());
				}, runId);
		Map<String, Object> row = jdbc.queryForMap("SELECT MIN(s.START_TIME) AS S, MAX(s.END_TIME) AS E "
				+ "FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
				+ "WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ? "
				+ "AND s.STEP_NAME IN ('discoverOrganization', 'collectAccounts')", runId);
		return Duration.between(((Timestamp) row.get("S")).toInstant(), ((Timestamp) row.get("E")).toInstant())
			.toMillis() / 1000.0;
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
