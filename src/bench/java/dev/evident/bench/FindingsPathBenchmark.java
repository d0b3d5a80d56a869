package dev.evident.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Simulator;
import dev.evident.support.DemoSimulator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the findings report beats ListFindings (not part of the default test run):
 * {@code ./mvnw -B -Pbench verify -Dtest=FindingsPathBenchmark}. For each size
 * (-Dbench.path.sizes, default 20,000 and 100,000 findings over 100 accounts) the
 * collectFindings step runs both ways against the simulator with {@value #LATENCY_MS} ms
 * per request, the report taking {@value #REPORT_POLLS} status polls to finish (with the
 * default polling: 2 s, then 4 s). A straight line through each path's medians gives the
 * crossover: the default of {@code --findings-export-above}. Table in
 * target/benchmark/findings-path.md.
 */
@Tag("benchmark")
@SpringBootTest
class FindingsPathBenchmark {

	static final List<Long> SIZES = Arrays.stream(System.getProperty("bench.path.sizes", "20000,100000").split(","))
		.map(String::trim)
		.map(Long::parseLong)
		.toList();

	static final int ACCOUNTS = 100;

	static final int LATENCY_MS = 20;

	static final int REPORT_POLLS = 2;

	static final int REPEATS = Integer.getInteger("bench.repeats", 3);

	static final int PARALLELISM = 4;

	static Path work;

	static int port;

	static Simulator simulator;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		work = Files.createTempDirectory("evident-path");
		port = Workload.freePort();
		Workload.register(registry, work, port);
		registry.add("evident.artifact.documents", () -> "none");
	}

	@AfterAll
	static void stop() {
		if (simulator != null) {
			simulator.close();
		}
		FileSystemUtils.deleteRecursively(work.toFile());
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void crossover() throws Exception {
		List<double[]> list = new ArrayList<>();
		List<double[]> export = new ArrayList<>();
		StringBuilder table = new StringBuilder("| findings | ListFindings (" + PARALLELISM
				+ " chains) | findings report | ListFindings pages |\n|---|---|---|---|\n");
		for (long n : SIZES) {
			if (simulator != null) {
				simulator.close();
			}
			simulator = Workload.start(port, ACCOUNTS, n);
			Faults.of(simulator).findingsReportInProgressPolls(REPORT_POLLS);
			run("warmup-" + n, false);
			List<Double> l = new ArrayList<>();
			List<Double> e = new ArrayList<>();
			long pages = 0;
			for (int i = 0; i < REPEATS; i++) {
				Faults.of(simulator).latency(Duration.ofMillis(LATENCY_MS));
				simulator.calls().reset();
				l.add(run("list-" + n + "-" + i, false));
				pages = simulator.calls().count("inspector2:ListFindings");
				e.add(run("export-" + n + "-" + i, true));
			}
			list.add(new double[] { n, ScaleBenchmark.median(l) });
			export.add(new double[] { n, ScaleBenchmark.median(e) });
			table.append(String.format(Locale.ROOT, "| %,d | %.2f s | %.2f s | %,d |%n", n, ScaleBenchmark.median(l),
					ScaleBenchmark.median(e), pages));
		}
		double[] a = line(list);
		double[] b = line(export);
		double crossover = (b[0] - a[0]) / (a[1] - b[1]);
		table.append(String.format(Locale.ROOT,
				"%nListFindings: %.2f s + %.1f µs a finding; findings report: %.2f s + %.1f µs a finding; crossover at %,.0f findings.%n"
						+ "%d accounts, %d ms per request, the report ready after %d status polls; medians of %d runs.%n",
				a[0], a[1] * 1e6, b[0], b[1] * 1e6, crossover, ACCOUNTS, LATENCY_MS, REPORT_POLLS, REPEATS));
		System.out.println("\n" + table);
		Path out = Path.of("target/benchmark");
		Files.createDirectories(out);
		Files.writeString(out.resolve("findings-path.md"), table.toString());
	}

	/** Intercept and slope through the first and last points. */
	private static double[] line(List<double[]> points) {
		double[] p = points.get(0);
		double[] q = points.get(points.size() - 1);
		double slope = (q[1] - p[1]) / (q[0] - p[0]);
		return new double[] { p[1] - slope * p[0], slope };
	}

	private double run(String runId, boolean export) throws Exception {
		RunParameters parameters = new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO,
				work.resolve("out"), null, null, List.of(), List.of(), List.of("us-east-1"), PARALLELISM);
		if (export) {
			parameters = Workload.withFindingsReport(parameters, "evident-bench");
		}
		Outcome outcome = launcher.launch(parameters);
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		double seconds = StageTimes.of(jdbc, runId).step("collectFindings").seconds();
		jdbc.update("DELETE FROM ev_finding WHERE run_id = ?", runId);
		outcome.layout().ifPresent(layout -> {
			FileSystemUtils.deleteRecursively(layout.packageDir().toFile());
			layout.bundle().toFile().delete();
		});
		return seconds;
	}

}
