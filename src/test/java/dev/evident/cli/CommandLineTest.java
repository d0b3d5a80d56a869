package dev.evident.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.EvidentApplication;
import dev.evident.run.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors answer with one line and exit code 2, before anything starts. */
class CommandLineTest {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return EvidentApplication.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
	}

	@Test
	void badPeriodIsAUsageError() {
		assertThat(run("run", "--period", "2026-Q5")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).startsWith("evident: '2026-Q5' is not a quarter; expected YYYY-Qn")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void unknownSourceIsAUsageError() {
		assertThat(run("run", "--source", "gcp")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).startsWith("evident: --source: unknown source 'gcp'; expected aws or demo")
			.doesNotContain("\tat ");
	}

	@Test
	void badAsOfIsAUsageError() {
		assertThat(run("demo", "--as-of", "yesterday")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).contains("--as-of 'yesterday' is not an ISO-8601 instant");
	}

	@Test
	void unknownOptionIsAUsageError() {
		assertThat(run("run", "--colour")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).contains("Unknown option: '--colour'").contains("evident run --help");
	}

	@Test
	void tooSmallASyntheticOrganizationIsAUsageError() {
		assertThat(run("simulator", "--port", "0", "--synthetic-accounts", "2")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).startsWith("evident: a synthetic organization needs at least 4 accounts: 2")
			.doesNotContain("\tat ");
	}

	@Test
	void simulatorHelpListsTheSyntheticSizes() {
		assertThat(run("simulator", "--help")).isZero();
		assertThat(out.toString()).contains("--synthetic-findings=N", "--synthetic-accounts=N", "--synthetic-users=N",
				"1,000,000 Inspector findings");
	}

	@Test
	void aFindingsExportNeedsBothADestinationAndAKmsKey() {
		String key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
		assertThat(run("run", "--findings-export", "s3://exports/inspector")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).contains("--findings-export and --findings-export-kms-key must be given together");
		assertThat(run("run", "--findings-export-kms-key", key)).isEqualTo(ExitCode.USAGE);
		assertThat(run("run", "--findings-export", "https://exports/inspector", "--findings-export-kms-key", key))
			.isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).contains("is not an S3 URI such as s3://");
		assertThat(run("run", "--findings-export", "s3://exports/x", "--findings-export-kms-key", "my-key"))
			.isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).contains("is not a KMS key ARN");
		assertThat(run("run", "--findings-export-above", "5000")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).contains("--findings-export-above needs --findings-export").doesNotContain("\tat ");
	}

	@Test
	void findingsExportAboveWithoutANumberTakesTheDefaultThreshold() {
		RunOptions options = new RunOptions();
		new picocli.CommandLine(options).parseArgs("--findings-export", "s3://exports/inspector",
				"--findings-export-kms-key", "arn:aws:kms:us-east-1:111122223333:key/k-1", "--findings-export-above");

		var parameters = options.toParameters(dev.evident.run.Source.DEMO, java.time.Instant.now(), "r");

		assertThat(parameters.findingsExport().threshold()).isEqualTo(dev.evident.run.FindingsExport.DEFAULT_THRESHOLD);
		assertThat(parameters.findingsExport().forced()).isFalse();
	}

	@Test
	void mappingsValidateAcceptsTheBuiltInMappings() {
		assertThat(run("mappings", "validate")).isZero();
		assertThat(out.toString()).startsWith("Mappings are valid: ").contains(" controls, ").contains(" frameworks");
	}

	@Test
	void mappingsValidateNamesTheBrokenFileLineAndField(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("controls/broken.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file,
				"id: broken\ntitle: Broken\nobjective: x\nresponsibility: NOBODY\ncheck:\n  id: iam_root_mfa_enabled\n");

		assertThat(run("mappings", "validate", dir.toString())).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).isEqualTo("evident: invalid mapping: " + file
				+ ":4: responsibility: expected one of AWS, CUSTOMER, SHARED, got 'NOBODY'" + System.lineSeparator());
	}

	@Test
	void controlsListsTheCatalogWithResponsibilities() {
		assertThat(run("controls")).isZero();
		assertThat(out.toString()).contains("root-mfa-enabled", "CUSTOMER", "physical-security", "AWS",
				"ddos-protection", "SHARED");
	}

	@Test
	void anUnknownFrameworkIsAUsageError() {
		assertThat(run("controls", "--framework", "hipaa")).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).startsWith("evident: --framework: unknown framework 'hipaa'; known: ");
	}

	@Test
	void anUnknownFrameworkOrManualEvidenceFolderStopsARunBeforeItStarts(@TempDir Path tmp) throws Exception {
		System.setProperty("spring.datasource.url", "jdbc:h2:mem:cli-usage;DB_CLOSE_DELAY=-1");
		try {
			assertThat(run("demo", "--out", tmp.resolve("out").toString(), "--frameworks", "hipaa"))
				.isEqualTo(ExitCode.USAGE);
			assertThat(err.toString()).startsWith("evident: --frameworks: unknown framework 'hipaa'; known: ")
				.doesNotContain("\tat ");
			Files.createDirectories(tmp.resolve("evidence/gardduty-enabled"));
			assertThat(run("demo", "--out", tmp.resolve("out").toString(), "--manual-evidence",
					tmp.resolve("evidence").toString()))
				.isEqualTo(ExitCode.USAGE);
			assertThat(err.toString()).contains("--manual-evidence: folder 'gardduty-enabled' matches no control id");
			assertThat(tmp.resolve("out")).isEmptyDirectory();
		}
		finally {
			System.clearProperty("spring.datasource.url");
		}
	}

	@Test
	void helpTeachesTheOptionsAndExitCodes() {
		assertThat(run("--help")).isZero();
		assertThat(out.toString()).contains("demo", "run", "simulator", "3 complete with evidence gaps");
		assertThat(run("run", "--help")).isZero();
		assertThat(out.toString()).contains("--period", "--as-of", "--source", "--out", "--role-name", "--external-id",
				"--accounts", "--ou", "--regions", "--parallelism", "--findings-export", "--findings-export-kms-key",
				"--findings-export-above");
	}

}
