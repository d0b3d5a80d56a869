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

import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.support.DemoSimulator;
import dev.evident.support.SyntheticOrganization;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collection benchmark (not part of the default test run):
 * {@code ./mvnw -B -Pbench verify}.
 * <ol>
 * <li>Account collection against the simulator with {@value #ACCOUNTS} member accounts
 * and {@value #LATENCY_MS} ms injected per request, compared with the ideal bound: calls
 * per account x latency x accounts / parallelism.</li>
 * <li>Ingest of {@value #FINDINGS} findings into H2 (a file database), without latency:
 * findings per second of the collectFindings step.</li>
 * </ol>
 * Each is run 3 times (-Dbench.repeats=N), alternating, in one JVM; the table shows
 * medians and is written to target/benchmark/collection.md.
 */
@Tag("benchmark")
@SpringBootTest
class CollectionBenchmark {

	static final int ACCOUNTS = 50;

	static final int LATENCY_MS = 20;

	static final int PARALLELISM = 10;

	static final int FINDINGS = 100_000;

	static final int REPEATS = Integer.getInteger("bench.repeats", 3);

	static Simulator simulator;

	static Path work;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		work = Files.createTempDirectory("evident-bench");
		Path data = SyntheticOrganization.write(work, ACCOUNTS, FINDINGS / ACCOUNTS);
		simulator = Simulator.start(SimulatorConfig.defaults()
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
		registry.add("evident.iam.report-poll-initial", () -> "PT0.05S");
		registry.add("evident.artifact.documents", () -> "none");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void collection() throws Exception {
		List<Double> collectSeconds = new ArrayList<>();
		List<Double> idealSeconds = new ArrayList<>();
		List<Double> callsPerAccount = new ArrayList<>();
		List<Double> ingestSeconds = new ArrayList<>();
		List<Double> crawlSeconds = new ArrayList<>();
		long pages = 0;
		for (int i = 0; i < REPEATS; i++) {
			// 1. accounts, with latency; eu-west-1 has no findings, so the findings step
			// is trivial
			simulator.faults().reset().latency(Duration.ofMillis(LATENCY_MS));
			simulator.calls().reset();
			Outcome accounts = launch("accounts-" + i, List.of("eu-west-1"));
			double perAccount = memberCalls() / (double) ACCOUNTS;
			collectSeconds.add(stepSeconds(accounts.runId(), "collectAccounts"));
			callsPerAccount.add(perAccount);
			idealSeconds.add(perAccount * LATENCY_MS / 1000.0 * ACCOUNTS / PARALLELISM);
			// 2. findings ingest, without latency
			simulator.faults().reset();
			Outcome findings = launch("findings-" + i, List.of("us-east-1"));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ev_finding WHERE run_id = ?", Long.class,
					findings.runId()))
				.isEqualTo(FINDINGS);
			ingestSeconds.add(stepSeconds(findings.runId(), "collectFindings"));
			// 3. the findings crawl with latency, in parallel chains
			simulator.faults().reset().latency(Duration.ofMillis(LATENCY_MS));
			simulator.calls().reset();
			Outcome crawl = launch("crawl-" + i, List.of("us-east-1"));
			pages = simulator.calls().count("inspector2:ListFindings");
			crawlSeconds.add(stepSeconds(crawl.runId(), "collectFindings"));
		}
		double crawl = median(crawlSeconds);
		double crawlIdeal = pages * LATENCY_MS / 1000.0 / PARALLELISM;
		double collect = median(collectSeconds);
		double ideal = median(idealSeconds);
		double ingest = median(ingestSeconds);
		String table = String.join("\n", "| measure | N | median | ideal or rate | ratio |", "|---|---|---|---|---|",
				String.format(Locale.ROOT,
						"| collectAccounts, %d ms per request, parallelism %d | %d accounts, %.1f calls each | %.2f s | %.2f s ideal | %.2f |",
						LATENCY_MS, PARALLELISM, ACCOUNTS, median(callsPerAccount), collect, ideal, collect / ideal),
				String.format(Locale.ROOT,
						"| collectFindings into H2 (file), no latency | %,d findings | %.2f s | %,.0f findings/s | |",
						FINDINGS, ingest, FINDINGS / ingest),
				String.format(Locale.ROOT,
						"| collectFindings, %d ms per request, %d chains in parallel | %,d findings, %,d pages | %.2f s | %.2f s ideal (one chain: %.1f s) | %.2f |",
						LATENCY_MS, PARALLELISM, FINDINGS, pages, crawl, crawlIdeal, pages * LATENCY_MS / 1000.0,
						crawl / crawlIdeal),
				"", "Medians of " + REPEATS + " runs each, alternating, in one JVM.");
		System.out.println("\n" + table + "\n");
		Path report = Path.of("target/benchmark/collection.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table + "\n");
	}

	private Outcome launch(String runId, List<String> regions) throws Exception {
		Outcome outcome = launcher.launch(new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF,
				Source.DEMO, work.resolve("out"), null, null, List.of(), List.of(), regions, PARALLELISM));
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		return outcome;
	}

	/**
	 * AssumeRole and IAM calls made for member accounts (the work of collectAccounts).
	 */
	private long memberCalls() {
		long calls = simulator.calls().assumeRoleCalls().size();
		for (String op : List.of("iam:GenerateCredentialReport", "iam:GetCredentialReport", "iam:GetAccountSummary",
				"iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices", "iam:ListAccountAliases",
				"iam:GetAccountAuthorizationDetails")) {
			calls += simulator.calls().count(op) - simulator.calls().count(op, simulator.managementAccountId());
		}
		return calls;
	}

	private double stepSeconds(String runId, String step) {
		Map<String, Object> row = jdbc.queryForMap("SELECT MAX(s.START_TIME) AS S, MAX(s.END_TIME) AS E "
				+ "FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
				+ "WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ? AND s.STEP_NAME = ?", runId, step);
		return Duration.between(((Timestamp) row.get("S")).toInstant(), ((Timestamp) row.get("E")).toInstant())
			.toMillis() / 1000.0;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
