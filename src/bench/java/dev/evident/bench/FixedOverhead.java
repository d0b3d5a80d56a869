package dev.evident.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.evident.simulator.Simulator;
import dev.evident.support.DemoSimulator;

/**
 * The fixed overhead: a new JVM running {@code evident run} (JVM start, Spring context,
 * migrations, the job) against the smallest synthetic organization (4 accounts, 160
 * users, no findings), wall time from process start to exit. Measured for the packaged
 * jar as it is ({@code java -jar target/evident.jar}) and through the {@code ./evident}
 * launcher, which starts from the class cache of a training run (CDS before JDK 25, the
 * AOT cache from JDK 25), on the benchmark's JDK and on any JDK named by
 * {@code -Dbench.overhead.java-home}.
 */
final class FixedOverhead {

	private FixedOverhead() {
	}

	/** Median seconds per way of starting, in order. */
	static Map<String, Double> medians(Path work, int repeats) throws Exception {
		Path dir = Files.createDirectories(work.resolve("overhead"));
		Path jar = Path.of("target", "evident.jar").toAbsolutePath();
		Path launcher = Path.of("evident").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the benchmark with 'verify'");
		}
		List<String> javaHomes = new ArrayList<>(List.of(System.getProperty("java.home")));
		String other = System.getProperty("bench.overhead.java-home", "");
		if (!other.isBlank()) {
			javaHomes.add(other);
		}
		Map<String, Double> medians = new LinkedHashMap<>();
		try (Simulator simulator = Workload.start(0, 4, 0)) {
			for (String javaHome : javaHomes) {
				String jdk = "JDK " + feature(javaHome);
				String java = Path.of(javaHome, "bin", "java").toString();
				if (javaHome.equals(javaHomes.get(0))) {
					medians.put(jdk + ", java -jar target/evident.jar",
							median(dir, repeats, simulator, javaHome, List.of(java, "-Xmx1g", "-jar", jar.toString())));
				}
				// the launcher extracts the jar and records its class cache once
				// (untimed)
				run(dir.resolve("prepare.log"), javaHome, List.of(launcher.toString(), "--version"));
				medians.put(jdk + ", ./evident (class cache)",
						median(dir, repeats, simulator, javaHome, List.of(launcher.toString())));
			}
		}
		return medians;
	}

	private static double median(Path dir, int repeats, Simulator simulator, String javaHome, List<String> start)
			throws Exception {
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < repeats; i++) {
			String tag = "run-" + System.nanoTime();
			List<String> command = new ArrayList<>(start);
			command.addAll(List.of("run", "--source", "aws", "--period", "2026-Q3", "--as-of",
					DemoSimulator.AS_OF.toString(), "--regions", "us-east-1", "--artifact-documents", "none", "--out",
					dir.resolve(tag).toString()));
			String props = "-Dspring.datasource.url=jdbc:h2:file:" + dir.resolve(tag + "-store").toAbsolutePath()
					+ " -Devident.aws.endpoint=" + simulator.endpoint() + " -Devident.aws.region=us-east-1"
					+ " -Devident.iam.report-poll-initial=PT0.05S";
			if (start.size() > 1) {
				command.addAll(1, List.of(props.split(" ")));
			}
			long begin = System.nanoTime();
			int exit = run(dir.resolve(tag + ".log"), javaHome, command, "EVIDENT_JAVA_OPTS", "-Xmx1g " + props);
			seconds.add((System.nanoTime() - begin) / 1e9);
			if (exit != 0 && exit != 3) {
				throw new IllegalStateException(
						"evident run exited with " + exit + ", see " + dir.resolve(tag + ".log"));
			}
		}
		return ScaleBenchmark.median(seconds);
	}

	private static int run(Path log, String javaHome, List<String> command, String... env) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", javaHome);
		builder.environment().put("EVIDENT_NO_BUILD", "1");
		builder.environment().put("AWS_ACCESS_KEY_ID", DemoSimulator.BASE_ACCESS_KEY);
		builder.environment().put("AWS_SECRET_ACCESS_KEY", "bench-secret");
		for (int i = 0; i < env.length; i += 2) {
			builder.environment().put(env[i], env[i + 1]);
		}
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(command + " did not end, see " + log);
		}
		return process.exitValue();
	}

	private static String feature(String javaHome) throws Exception {
		Path release = Path.of(javaHome, "release");
		for (String line : Files.readAllLines(release)) {
			if (line.startsWith("JAVA_VERSION=")) {
				return line.substring("JAVA_VERSION=".length()).replace("\"", "");
			}
		}
		return javaHome;
	}

}
