package dev.evident.bench;

import dev.evident.run.RunLayout;
import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale benchmark of docs/performance.md (not part of the default test run):
 * {@code ./mvnw -B -Pbench verify -Dtest=ScaleBenchmark}.
 * <p>
 * For each size (-Dbench.sizes, default 10,000, 100,000 and 1,000,000 findings over
 * -Dbench.accounts=500 accounts and 40 IAM users each: the synthetic organization) it
 * runs the whole job against the simulator (no latency) -Dbench.repeats times (default 3)
 * and once more with a live-heap meter, and after each timed run the floors on the same
 * inputs: the run's raw findings JSON (Jackson parse), its stored rows (H2 batch insert,
 * SXSSF), its PDF's page count (PDFBox) and its files' bytes (SHA-256). It prints one
 * table (target/benchmark/scale.md) and draws the scaling chart
 * (target/benchmark/scaling.png). The heap is the JVM's: run it with the heap to test,
 * e.g. {@code -Dbench.argLine=-Xmx1g}.
 */
@Tag("benchmark")
@SpringBootTest
@Import(Instruments.class)
class ScaleBenchmark {

	static final List<Long> SIZES = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
		.map(String::trim)
		.map(Long::parseLong)
		.toList();

	static final int ACCOUNTS = Integer.getInteger("bench.accounts", 500);

	static final int REPEATS = Integer.getInteger("bench.repeats", 3);

	static final int PARALLELISM = Integer.getInteger("bench.parallelism", 4);

	/**
	 * export (CreateFindingsReport, then one streamed object) or list (ListFindings
	 * chains).
	 */
	static final String PATH = System.getProperty("bench.path", "export");

	/**
	 * A warm-up run per size, the live-heap run, the fixed overhead: each can be left
	 * out.
	 */
	static final boolean WARMUP = !"false".equals(System.getProperty("bench.warmup"));

	static final boolean LIVE = !"false".equals(System.getProperty("bench.live"));

	static final boolean OVERHEAD = !"false".equals(System.getProperty("bench.overhead"));

	static final double MB = 1024 * 1024;

	static Path work;

	static int port;

	static Simulator simulator;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		work = Files.createTempDirectory("evident-scale");
		port = Workload.freePort();
		Workload.register(registry, work, port);
		registry.add("evident.parallelism", () -> PARALLELISM);
	}

	@AfterAll
	static void stop() throws IOException {
		if (simulator != null) {
			simulator.close();
		}
		FileSystemUtils.deleteRecursively(work);
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	/** One timed run and the floors measured on its inputs. */
	record Measured(long findings, long sheetRows, int pdfPages, double total, double collect, double reportWait,
			double ingest, double store, double workbook, double report, double seal, double hashing,
			Map<String, Long> peak, double parseFloor, double h2Floor, double sxssfFloor, double pdfFloor,
			double shaFloor) {

		double floorSum() {
			return parseFloor + h2Floor + sxssfFloor + pdfFloor + shaFloor;
		}

		/**
		 * The step without the wait for the findings report (the simulator writing it on
		 * the same cores, and the polling).
		 */
		double collectOwn() {
			return collect - reportWait;
		}

	}

	@Test
	void scale() throws Exception {
		Map<Long, List<Measured>> timed = new LinkedHashMap<>();
		Map<Long, Map<String, Long>> live = new LinkedHashMap<>();
		for (long n : SIZES) {
			restartSimulator(n);
			if (WARMUP) {
				launch("warmup-" + n, null);
			}
			List<Measured> runs = new ArrayList<>();
			for (int i = 0; i < REPEATS; i++) {
				runs.add(timedRun(n, "scale-" + n + "-" + i));
			}
			timed.put(n, runs);
			live.put(n, LIVE ? liveRun(n) : Map.of());
			// what is measured so far, in case a long run is stopped
			Files.createDirectories(Path.of("target/benchmark"));
			Files.writeString(Path.of("target/benchmark/scale.md"),
					Report.table(timed, live, Map.of(), ACCOUNTS, PARALLELISM, REPEATS));
		}
		Map<String, Double> overhead = OVERHEAD ? FixedOverhead.medians(work, REPEATS) : Map.of();
		String table = Report.table(timed, live, overhead, ACCOUNTS, PARALLELISM, REPEATS);
		System.out.println("\n" + table);
		Path out = Path.of("target/benchmark");
		Files.createDirectories(out);
		Files.writeString(out.resolve("scale.md"), table);
		if (timed.size() > 1) {
			ScalingChart.write(out.resolve("scaling.png"),
					"Evident: seconds per stage against findings (" + ACCOUNTS + " accounts)",
					List.of(series("end to end", Color.decode("#1f77b4"), timed, Measured::total),
							series("floor sum", Color.decode("#7f7f7f"), timed, Measured::floorSum),
							series("collectFindings", Color.decode("#ff7f0e"), timed, Measured::collect),
							series("findings sheets", Color.decode("#2ca02c"), timed, Measured::workbook),
							series("PDF report", Color.decode("#d62728"), timed, Measured::report)));
		}
	}

	private static ScalingChart.Series series(String name, Color color, Map<Long, List<Measured>> timed,
			ToDoubleFunction<Measured> f) {
		List<double[]> points = new ArrayList<>();
		timed.forEach((n, runs) -> points.add(new double[] { n, Report.median(runs, f) }));
		return new ScalingChart.Series(name, color, points);
	}

	private Measured timedRun(long n, String runId) throws Exception {
		Instruments.reset();
		long hashing = DigestMeter.nanos();
		Outcome outcome;
		StageTimes times;
		Map<String, Long> peak = new LinkedHashMap<>();
		double ingest;
		try (HeapMeter heap = HeapMeter.peak()) {
			outcome = launch(runId, null);
			times = StageTimes.of(jdbc, runId);
			peak.put("job", heap.max(times.jobStart(), times.jobEnd()));
			times.steps().forEach((step, w) -> peak.put(step, heap.max(w.start(), w.end())));
			StageTimes.Window collect = times.step("collectFindings");
			// ListFindings: the SDK's unmarshalling; export: the CPU of reading the
			// report
			// parse, without reading the download (and keeping it, hashed, as evidence)
			ingest = PATH.equals("list") ? Instruments.UNMARSHAL_NANOS.sum() / 1e9
					: Instruments.READ_CPU_NANOS.sum() / 1e9;
		}
		double hashed = (DigestMeter.nanos() - hashing) / 1e9;
		long findings = count("SELECT COUNT(*) FROM ev_finding WHERE run_id = ?", runId);
		assertThat(findings).as("findings stored").isEqualTo(n);
		long active = count("SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE'", runId);
		Path pkg = outcome.layout().orElseThrow().packageDir();
		int pages;
		try (PDDocument pdf = Loader.loadPDF(pkg.resolve(RunLayout.REPORT).toFile())) {
			pages = pdf.getNumberOfPages();
		}
		List<Object[]> tableRows = RunInputs.sample(jdbc, runId);
		List<Object[]> sheetRows = tableRows.stream().map(RunInputs::sheetRow).toList();
		List<Path> raw = RunInputs.rawFindings(pkg);
		List<Path> all = RunInputs.files(pkg);
		double parse = Floors.parse(raw);
		double h2 = Floors.h2(work.resolve("floor"), RunInputs.stored(jdbc, runId), n);
		double sxssf = Floors.sxssf(work.resolve("floor.xlsx"), sheetRows, n + active, 200);
		double pdf = Floors.pdfbox(pages * 40);
		double sha = Floors.sha256(all);
		Measured m = new Measured(n, n + active, pages, times.job().seconds(), times.step("collectFindings").seconds(),
				Instruments.reportWait(), ingest, Instruments.STORE_NANOS.sum() / 1e9,
				times.step("renderWorkbook").seconds(), times.step("renderReport").seconds(),
				times.step("seal").seconds(), hashed, peak, parse, h2, sxssf, pdf, sha);
		RunInputs.cleanUp(jdbc, outcome);
		System.out.printf(Locale.ROOT, "%s: %.1f s (floors %.1f s), collectFindings %.1f s, workbook %.1f s%n", runId,
				m.total(), m.floorSum(), m.collect(), m.workbook());
		return m;
	}

	private Map<String, Long> liveRun(long n) throws Exception {
		String runId = "live-" + n;
		Map<String, Long> live = new LinkedHashMap<>();
		try (HeapMeter heap = HeapMeter.live(1000)) {
			Outcome outcome = launch(runId, null);
			StageTimes times = StageTimes.of(jdbc, runId);
			live.put("job", heap.max(times.jobStart(), times.jobEnd()));
			times.steps().forEach((step, w) -> live.put(step, heap.max(w.start(), w.end())));
			RunInputs.cleanUp(jdbc, outcome);
		}
		return live;
	}

	private void restartSimulator(long n) {
		if (simulator != null) {
			simulator.close();
		}
		simulator = Workload.start(port, ACCOUNTS, n);
	}

	private Outcome launch(String runId, List<String> regions) throws Exception {
		RunParameters parameters = new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO,
				work.resolve("out"), null, null, List.of(), List.of(), regions == null ? List.of("us-east-1") : regions,
				PARALLELISM);
		if (PATH.equals("export")) {
			parameters = Workload.withFindingsReport(parameters, "evident-bench");
		}
		Outcome outcome = launcher.launch(parameters);
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		if (runId.startsWith("warmup")) {
			RunInputs.cleanUp(jdbc, outcome);
		}
		return outcome;
	}

	private long count(String sql, String runId) {
		return jdbc.queryForObject(sql, Long.class, runId);
	}

	static double peakHeapMb() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MB;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
