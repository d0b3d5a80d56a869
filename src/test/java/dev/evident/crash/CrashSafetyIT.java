package dev.evident.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.bundle.BundleVerifier;
import dev.evident.run.ExitCode;
import dev.evident.support.SyntheticOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the JVM with SIGKILL during collectFindings and during renderWorkbook, runs the
 * same command again, and checks that the run resumed, no evidence row is duplicated, and
 * results.json is byte-identical to an uninterrupted run with the same --as-of.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashSafetyIT {

	static final int ACCOUNTS = 10;

	static final int FINDINGS_PER_ACCOUNT = 2_000;

	@TempDir
	Path work;

	Path dataFile;

	byte[] uninterrupted;

	@BeforeAll
	void uninterruptedRun(@TempDir Path dir) throws Exception {
		dataFile = SyntheticOrganization.write(dir, ACCOUNTS, FINDINGS_PER_ACCOUNT);
		Path out = dir.resolve("out");
		assertThat(run(dir.resolve("data"), out, 0, null)).isEqualTo(ExitCode.COMPLETE);
		uninterrupted = Files.readAllBytes(onlyPackage(out).resolve("results.json"));
	}

	@Test
	void killedDuringCollectFindingsResumesWithoutDuplicates() throws Exception {
		Path data = work.resolve("data");
		Path out = work.resolve("out");

		assertThat(run(data, out, 50, CrashHarness.PAGES_MARKER)).as("killed").isNotEqualTo(ExitCode.COMPLETE);
		assertThat(packages(out)).as("no package looks complete after the crash").isEmpty();
		long before = count(data, "SELECT COUNT(*) FROM ev_finding");
		assertThat(before).as("the crash came mid-crawl").isLessThan(ACCOUNTS * FINDINGS_PER_ACCOUNT);

		assertThat(run(data, out, 0, null)).isEqualTo(ExitCode.COMPLETE);

		assertThat(count(data, "SELECT COUNT(*) FROM ev_finding")).isEqualTo(ACCOUNTS * FINDINGS_PER_ACCOUNT);
		assertThat(count(data, "SELECT COUNT(DISTINCT run_id) FROM ev_finding")).as("one run, resumed").isOne();
		assertResumedPackage(out);
	}

	@Test
	void killedDuringRenderWorkbookResumesToTheSamePackage() throws Exception {
		Path data = work.resolve("data");
		Path out = work.resolve("out");

		assertThat(run(data, out, 0, "step=renderWorkbook")).as("killed").isNotEqualTo(ExitCode.COMPLETE);
		assertThat(packages(out)).isEmpty();

		assertThat(run(data, out, 0, null)).isEqualTo(ExitCode.COMPLETE);

		assertThat(count(data, "SELECT COUNT(*) FROM ev_finding")).isEqualTo(ACCOUNTS * FINDINGS_PER_ACCOUNT);
		assertThat(count(data, "SELECT COUNT(*) FROM ev_credential_report_row")).isEqualTo(
				count(data, "SELECT COUNT(DISTINCT account_id || '/' || user_name) FROM ev_credential_report_row"));
		assertResumedPackage(out);
	}

	@Test
	void aSecondRunOnTheSameStoreFailsFastWhileTheFirstWorks() throws Exception {
		Path data = work.resolve("shared-data");
		Process first = start(data, work.resolve("out-1"), 20);
		try {
			waitFor(first, "step=collectAccounts");
			Process second = start(data, work.resolve("out-2"), 0);
			String log = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

			assertThat(second.exitValue()).isEqualTo(ExitCode.FAILED);
			assertThat(log).contains("evident: failed: the evidence store is in use by another evident process");
			assertThat(log).doesNotContain("\tat ");
		}
		finally {
			first.destroyForcibly();
			first.waitFor(60, TimeUnit.SECONDS);
		}
		assertThat(run(data, work.resolve("out-1"), 0, null)).as("the store is intact: the first run resumes")
			.isEqualTo(ExitCode.COMPLETE);
	}

	private Process start(Path data, Path out, int latencyMs) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
				System.getProperty("java.class.path"), CrashHarness.class.getName(), data.toString(), out.toString(),
				Integer.toString(latencyMs), dataFile.toString())
			.redirectErrorStream(true)
			.start();
	}

	private static void waitFor(Process process, String marker) throws IOException {
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = lines.readLine()) != null) {
			if (line.contains(marker)) {
				return;
			}
		}
		throw new AssertionError("the first run ended before " + marker);
	}

	private void assertResumedPackage(Path out) throws Exception {
		Path pkg = onlyPackage(out);
		assertThat(Files.readAllBytes(pkg.resolve("results.json"))).isEqualTo(uninterrupted);
		try (Stream<Path> bundles = Files.list(pkg.getParent())) {
			Path bundle = bundles.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
			assertThat(new BundleVerifier(BundleVerifier.Limits.defaults()).verify(bundle, null).intact()).isTrue();
		}
	}

	/**
	 * Runs the harness; with a marker, kills it with SIGKILL as soon as its log shows the
	 * marker.
	 */
	private int run(Path data, Path out, int latencyMs, String killAt) throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashHarness.class.getName(), data.toString(),
				out.toString(), Integer.toString(latencyMs), dataFile.toString())
			.redirectErrorStream(true)
			.start();
		CountDownLatch marker = new CountDownLatch(1);
		StringBuilder log = new StringBuilder();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					log.append(line).append('\n');
					if (killAt != null && line.contains(killAt)) {
						marker.countDown();
					}
				}
			}
			catch (IOException ignored) {
				// the process died
			}
		});
		reader.start();
		if (killAt != null) {
			assertThat(marker.await(120, TimeUnit.SECONDS)).as("reached " + killAt + "\n" + log).isTrue();
			process.destroyForcibly();
		}
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished\n" + log).isTrue();
		reader.join(5000);
		if (process.exitValue() == ExitCode.USAGE || process.exitValue() == ExitCode.FAILED && killAt == null) {
			System.out.println(log);
		}
		return process.exitValue();
	}

	private static List<Path> packages(Path out) throws IOException {
		if (!Files.isDirectory(out)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(out)) {
			return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().equals("SHA256SUMS"))
				.map(Path::getParent)
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.toList();
		}
	}

	private static Path onlyPackage(Path out) throws IOException {
		List<Path> packages = packages(out);
		assertThat(packages).hasSize(1);
		return packages.get(0);
	}

	private static long count(Path data, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("evident").toAbsolutePath(),
				"sa", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
