package dev.evident.robustness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.EvidentApplication;
import dev.evident.run.ExitCode;
import dev.evident.support.TestKeys;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input from the user, through the command line as a user types it: each is a usage
 * error (exit code 2) told in one line on standard error that starts with
 * {@code evident: } (followed at most by the hint to --help), without a stack trace
 * anywhere on the console, and without a partial package in {@code --out}.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BadUserInputTest {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@TempDir
	Path tmp;

	Path outDir;

	@BeforeEach
	void inMemoryStore() {
		System.setProperty("spring.datasource.url", "jdbc:h2:mem:robust-cli;DB_CLOSE_DELAY=-1");
		outDir = tmp.resolve("out");
	}

	@AfterEach
	void clear() {
		System.clearProperty("spring.datasource.url");
		System.clearProperty("evident.sign.password");
	}

	private int demo(String... options) {
		String[] args = Stream.concat(Stream.of("demo", "--out", outDir.toString()), Stream.of(options))
			.toArray(String[]::new);
		return EvidentApplication.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
	}

	@Test
	void aBadPeriod(CapturedOutput console) throws IOException {
		assertUsageError(demo("--period", "2026-Q5"), console, "evident: '2026-Q5' is not a quarter");
	}

	@Test
	void aBadAsOf(CapturedOutput console) throws IOException {
		assertUsageError(demo("--as-of", "2026-13-01"), console, "evident: --as-of '2026-13-01' is not an ISO-8601");
	}

	@Test
	void anUnknownFramework(CapturedOutput console) throws IOException {
		assertUsageError(demo("--frameworks", "soc2,hipaa"), console,
				"evident: --frameworks: unknown framework 'hipaa'");
	}

	@Test
	void aBrokenMappingsFolder(CapturedOutput console) throws IOException {
		Path mappings = tmp.resolve("mappings");
		Path file = mappings.resolve("controls/broken.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "id: broken\ntitle: [unclosed\n  objective: {\n");

		assertUsageError(demo("--mappings", mappings.toString()), console, "evident: invalid mapping: " + file);
	}

	@Test
	void aMappingsFolderThatDoesNotExist(CapturedOutput console) throws IOException {
		assertUsageError(demo("--mappings", tmp.resolve("nowhere").toString()), console, "evident: --mappings ");
	}

	@Test
	void anOutFolderUnderARegularFile(CapturedOutput console) throws IOException {
		Path file = Files.writeString(tmp.resolve("a-file"), "x");
		outDir = file.resolve("out");

		assertUsageError(demo(), console, "evident: --out " + outDir + " cannot be created");
		assertThat(Files.readString(file)).isEqualTo("x");
	}

	@Test
	void anOutThatIsARegularFile(CapturedOutput console) throws IOException {
		outDir = Files.writeString(tmp.resolve("out-file"), "x");

		assertUsageError(demo(), console, "evident: --out " + outDir + " cannot be created");
	}

	@Test
	void aMissingManualEvidenceFolder(CapturedOutput console) throws IOException {
		assertUsageError(demo("--manual-evidence", tmp.resolve("missing").toString()), console,
				"evident: --manual-evidence ");
	}

	@Test
	void aManualEvidenceFileInsteadOfAFolder(CapturedOutput console) throws IOException {
		Path file = Files.writeString(tmp.resolve("evidence.pdf"), "%PDF");

		assertUsageError(demo("--manual-evidence", file.toString()), console, "evident: --manual-evidence ");
	}

	@Test
	void anUnreadableManualEvidenceFile(CapturedOutput console) throws IOException {
		// a dangling link: unreadable even for root, which ignores file permissions
		Path control = Files.createDirectories(tmp.resolve("evidence/root-mfa-enabled"));
		Files.createSymbolicLink(control.resolve("screenshot.png"), tmp.resolve("gone.png"));

		assertUsageError(demo("--manual-evidence", tmp.resolve("evidence").toString()), console,
				"evident: --manual-evidence: " + control.resolve("screenshot.png") + " is not a readable regular file");
	}

	@Test
	void aMissingSigningKeystore(CapturedOutput console) throws IOException {
		assertUsageError(demo("--sign-keystore", tmp.resolve("none.p12").toString(), "--sign-alias", "signer"), console,
				"evident: --sign-keystore ");
	}

	@Test
	void aMalformedSigningKeystore(CapturedOutput console) throws IOException {
		Path keystore = Files.write(tmp.resolve("broken.p12"), new byte[] { 0x30, (byte) 0x82, 0x01, 0x00, 0x42 });
		System.setProperty("evident.sign.password", "whatever");

		assertUsageError(demo("--sign-keystore", keystore.toString(), "--sign-alias", "signer"), console,
				"evident: --sign-keystore " + keystore.toAbsolutePath() + " cannot be opened");
	}

	@Test
	void aWrongSigningPassword(CapturedOutput console) throws IOException {
		TestKeys keys = TestKeys.create(tmp.resolve("keys"), "robust signer");
		System.setProperty("evident.sign.password", "not-" + keys.password());

		assertUsageError(demo("--sign-keystore", keys.keystore().toString(), "--sign-alias", keys.alias()), console,
				"evident: --sign-keystore " + keys.keystore().toAbsolutePath() + " cannot be opened");
		assertThat(err.toString()).doesNotContain(keys.password());
	}

	@Test
	void aWrongSigningAlias(CapturedOutput console) throws IOException {
		TestKeys keys = TestKeys.create(tmp.resolve("keys"), "robust signer");
		System.setProperty("evident.sign.password", keys.password());

		assertUsageError(demo("--sign-keystore", keys.keystore().toString(), "--sign-alias", "nobody"), console,
				"evident: --sign-alias: the keystore ");
	}

	private void assertUsageError(int exitCode, CapturedOutput console, String expectedStart) throws IOException {
		assertThat(exitCode).as(err.toString()).isEqualTo(ExitCode.USAGE);
		List<String> lines = err.toString().lines().toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines.get(0)).startsWith(expectedStart);
		assertThat(lines.size()).as(err.toString()).isLessThanOrEqualTo(2);
		if (lines.size() == 2) {
			assertThat(lines.get(1)).startsWith("Try 'evident").endsWith("--help' for the options.");
		}
		assertThat(err.toString()).doesNotContain("\tat ");
		assertThat(console.getAll()).doesNotContain("\tat ").doesNotContain("\\tat ");
		assertThat(out.toString()).isEmpty();
		if (Files.isDirectory(outDir)) {
			try (Stream<Path> files = Files.walk(outDir)) {
				assertThat(files.filter(p -> !p.equals(outDir))).as("a partial package in --out").isEmpty();
			}
		}
	}

}
