package dev.evident.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.evident.EvidentApplication;
import dev.evident.simulator.Simulator;
import dev.evident.support.DemoSimulator;

/**
 * The fixed overhead: a new JVM running {@code evident run} (JVM start, Spring context,
 * migrations, the job) against the smallest synthetic organization (4 accounts, 160
 * users, no findings), wall time from process start to exit.
 */
final class FixedOverhead {

	private FixedOverhead() {
	}

	static double median(Path work, int repeats) throws Exception {
		Path dir = Files.createDirectories(work.resolve("overhead"));
		List<Double> seconds = new ArrayList<>();
		try (Simulator simulator = Workload.start(0, 4, 0)) {
			for (int i = 0; i < repeats; i++) {
				Path store = dir.resolve("store-" + i);
				long start = System.nanoTime();
				Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-Xmx1g", "-Dspring.datasource.url=jdbc:h2:file:" + store.toAbsolutePath(),
						"-Devident.aws.endpoint=" + simulator.endpoint(), "-Devident.aws.region=us-east-1",
						"-Devident.aws.access-key-id=" + DemoSimulator.BASE_ACCESS_KEY,
						"-Devident.aws.secret-access-key=bench-secret", "-Devident.iam.report-poll-initial=PT0.05S",
						"-cp", System.getProperty("java.class.path"), EvidentApplication.class.getName(), "run",
						"--source", "aws", "--period", "2026-Q3", "--as-of", DemoSimulator.AS_OF.toString(),
						"--regions", "us-east-1", "--artifact-documents", "none", "--out",
						dir.resolve("out-" + i).toString())
					.redirectErrorStream(true)
					.redirectOutput(dir.resolve("overhead-" + i + ".log").toFile())
					.start();
				if (!process.waitFor(5, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					throw new IllegalStateException("evident run did not end");
				}
				seconds.add((System.nanoTime() - start) / 1e9);
				if (process.exitValue() != 0 && process.exitValue() != 3) {
					throw new IllegalStateException("evident run exited with " + process.exitValue() + ", see "
							+ dir.resolve("overhead-" + i + ".log"));
				}
			}
		}
		return ScaleBenchmark.median(seconds);
	}

}
