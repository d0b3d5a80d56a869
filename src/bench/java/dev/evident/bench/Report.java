package dev.evident.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.evident.bench.ScaleBenchmark.Measured;

/** The scale benchmark's table, in Markdown. */
final class Report {

	private static final double MB = 1024 * 1024;

	private Report() {
	}

	static String table(Map<Long, List<Measured>> timed, Map<Long, Map<String, Long>> live,
			Map<String, Double> overhead, int accounts, int parallelism, int repeats) {
		StringBuilder t = new StringBuilder();
		t.append("| stage | N | median | rows/s | peak heap | live heap after GC | floor | ratio | target |\n");
		t.append("|---|---|---|---|---|---|---|---|---|\n");
		timed.forEach((n, runs) -> {
			Map<String, Long> liveHeap = live.get(n);
			row(t, "end to end (job)", n, runs, Measured::total, peak(runs, "job"), liveHeap.get("job"),
					median(runs, Measured::floorSum), "≤ 3× floor sum");
			row(t, ScaleBenchmark.PATH.equals("list") ? "ingest: SDK unmarshalling, CPU summed over chains"
					: "ingest: parsing the findings report (CPU)", n, runs, Measured::ingest,
					peak(runs, "collectFindings"), liveHeap.get("collectFindings"), median(runs, Measured::parseFloor),
					"≤ 2× parse floor");
			row(t, "store: findings upserts (wall, summed over threads)", n, runs, Measured::store, null, null,
					median(runs, Measured::h2Floor), "≤ 2× H2 floor");
			row(t, ScaleBenchmark.PATH.equals("list") ? "collectFindings step (wall, " + parallelism + " chains)"
					: "collectFindings step (wall, findings report)", n, runs, Measured::collect,
					peak(runs, "collectFindings"), liveHeap.get("collectFindings"),
					median(runs, m -> m.parseFloor() + m.h2Floor()), "—");
			if (!ScaleBenchmark.PATH.equals("list")) {
				row(t, "collectFindings after the report is ready (download, parse, store)", n, runs,
						Measured::collectOwn, null, null, median(runs, m -> m.parseFloor() + m.h2Floor()), "—");
			}
			row(t, "findings sheets (renderWorkbook step)", (long) median(runs, Measured::sheetRows), runs,
					Measured::workbook, peak(runs, "renderWorkbook"), liveHeap.get("renderWorkbook"),
					median(runs, Measured::sxssfFloor), "≤ 1.5× SXSSF floor");
			row(t, "hashing while writing (all package files)", n, runs, Measured::hashing, null, null,
					median(runs, Measured::shaFloor), "≤ 1.2× SHA-256 floor");
			row(t, "PDF report (renderReport step, " + (int) median(runs, Measured::pdfPages) + " pages)", n, runs,
					Measured::report, peak(runs, "renderReport"), liveHeap.get("renderReport"),
					median(runs, Measured::pdfFloor), "independent of N");
			row(t, "seal (manifest, SHA256SUMS, zip)", n, runs, Measured::seal, peak(runs, "seal"),
					liveHeap.get("seal"), Double.NaN, "—");
		});
		t.append('\n');
		if (!overhead.isEmpty()) {
			t.append(
					"Fixed overhead (new JVM, Spring context, migrations, job; 4 accounts, no findings; target ≤ 5 s):\n");
			overhead
				.forEach((start, seconds) -> t.append(String.format(Locale.ROOT, "- %s: %.2f s%n", start, seconds)));
		}
		List<Long> sizes = new ArrayList<>(timed.keySet());
		if (sizes.size() > 1) {
			long small = sizes.get(sizes.size() - 2);
			long large = sizes.get(sizes.size() - 1);
			List<Measured> a = timed.get(small);
			List<Measured> b = timed.get(large);
			t.append(String.format(Locale.ROOT, "%nLinearity, %,d against %,d findings (%.0f×):%n", large, small,
					(double) large / small));
			t.append(ratio("end to end time", b, a, Measured::total, "≤ 10"));
			t.append(ratio("collectFindings time", b, a, Measured::collect, "≤ 10"));
			if (!ScaleBenchmark.PATH.equals("list")) {
				t.append(ratio("collectFindings time after the report is ready", b, a, Measured::collectOwn, "≤ 10"));
			}
			t.append(ratio("findings sheets time", b, a, Measured::workbook, "≤ 10"));
			t.append(ratio("PDF time", b, a, Measured::report, "≈ 1"));
			for (String stage : List.of("job", "collectFindings", "renderWorkbook", "renderReport")) {
				Long lb = live.get(large).get(stage);
				Long la = live.get(small).get(stage);
				if (lb != null && la != null && la > 0) {
					t.append(String.format(Locale.ROOT,
							"- live heap after GC, %s: %.0f MiB / %.0f MiB = %.2f (target ≤ 1.5)%n", stage, lb / MB,
							la / MB, (double) lb / la));
				}
			}
		}
		t.append(String.format(Locale.ROOT,
				"%nMedians of %d runs per size%s, %d accounts, findings path: %s, no latency, parallelism %d%s; max heap %.0f MiB.%n",
				repeats, ScaleBenchmark.WARMUP ? " (after a warm-up run)" : "", accounts, ScaleBenchmark.PATH,
				parallelism, ScaleBenchmark.LIVE ? "; live heap from one more run with a full GC every second" : "",
				Runtime.getRuntime().maxMemory() / MB));
		return t.toString();
	}

	private static void row(StringBuilder t, String stage, long n, List<Measured> runs, ToDoubleFunction<Measured> f,
			Long peak, Long live, double floor, String target) {
		double median = median(runs, f);
		t.append(String.format(Locale.ROOT, "| %s | %,d | %.2f s | %,.0f | %s | %s | %s | %s | %s |%n", stage, n,
				median, n / median, mb(peak), mb(live),
				Double.isNaN(floor) ? "—" : String.format(Locale.ROOT, "%.2f s", floor),
				Double.isNaN(floor) ? "—" : String.format(Locale.ROOT, "%.2f×", median / floor), target));
	}

	private static String ratio(String what, List<Measured> large, List<Measured> small, ToDoubleFunction<Measured> f,
			String target) {
		double b = median(large, f);
		double a = median(small, f);
		return String.format(Locale.ROOT, "- %s: %.2f s / %.2f s = %.2f (target %s)%n", what, b, a, b / a, target);
	}

	private static String mb(Long bytes) {
		return bytes == null ? "—" : String.format(Locale.ROOT, "%.0f MiB", bytes / MB);
	}

	private static Long peak(List<Measured> runs, String stage) {
		List<Long> values = new ArrayList<>();
		for (Measured m : runs) {
			Long v = m.peak().get(stage);
			if (v != null) {
				values.add(v);
			}
		}
		if (values.isEmpty()) {
			return null;
		}
		Collections.sort(values);
		return values.get(values.size() / 2);
	}

	static double median(List<Measured> runs, ToDoubleFunction<Measured> f) {
		List<Double> values = new ArrayList<>();
		for (Measured m : runs) {
			values.add(f.applyAsDouble(m));
		}
		Collections.sort(values);
		return values.get(values.size() / 2);
	}

}
