package dev.evident.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.control.Control;
import dev.evident.control.ControlCatalog;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.simulator.server.CallLog;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.model.Account;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;
import dev.evident.support.PackageFiles;
import dev.evident.support.PdfAValidation;
import dev.evident.support.TestRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on H2 against the simulator serving the demo organization: given the demo
 * organization, when the job runs once, then each nested class checks one thing a user
 * checks.
 */
@DemoJobTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackageJobIT {

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ControlCatalog catalog;

	final Simulator simulator = DemoSimulator.get();

	final SimulatedOrganization demo = simulator.organization();

	final Account denied = demo.accounts().stream().filter(Account::assumeRoleDenied).findFirst().orElseThrow();

	final Account suspended = demo.accounts().stream().filter(Account::suspended).findFirst().orElseThrow();

	Outcome outcome;

	String run;

	Path pkg;

	/** The AssumeRole calls of this run, recorded before any other test runs a job. */
	List<CallLog.AssumeRoleCall> assumeRoleCalls;

	/**
	 * Calls of this run by operation, or by operation and account ("operation account").
	 */
	Map<String, Long> calls;

	@BeforeAll
	void givenTheDemoOrganizationWhenTheJobRuns(@TempDir Path out) throws Exception {
		Faults.of(simulator).reset();
		simulator.calls().reset();
		outcome = launcher.launch(TestRuns.demo("job-test-1", out));
		run = outcome.runId();
		pkg = outcome.layout().orElseThrow().packageDir();
		assumeRoleCalls = List.copyOf(simulator.calls().assumeRoleCalls());
		calls = new HashMap<>();
		calls.put("organizations:DescribeOrganization", simulator.calls().count("organizations:DescribeOrganization"));
		for (Account account : demo.accounts()) {
			calls.put("iam:GenerateCredentialReport " + account.id(),
					simulator.calls().count("iam:GenerateCredentialReport", account.id()));
		}
	}

	@Test
	void theRunCompletesWithGaps() {
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(outcome.layout().orElseThrow().bundle()).isRegularFile();
	}

	@Nested
	class EverySourceIsCollectedInFull {

		@Test
		void theOrganization() {
			assertThat(count("ev_account")).isEqualTo(demo.accounts().size());
			assertThat(count("ev_org_unit")).isEqualTo(demo.organizationalUnits().size());
		}

		@Test
		void everyUserOfEveryAccountItCouldEnter() {
			long expectedUsers = demo.accounts()
				.stream()
				.filter(a -> !a.suspended() && !a.assumeRoleDenied())
				.mapToLong(a -> demo.users(a.id()).size() + 1)
				.sum();
			assertThat(count("ev_credential_report_row")).isEqualTo(expectedUsers);
		}

		@Test
		void everyFindingAndArtifactReport() {
			assertThat(count("ev_finding")).isEqualTo(demo.findings().size());
			assertThat(count("ev_artifact_report")).isEqualTo(demo.artifactReports().size());
		}

	}

	@Nested
	class TheDeniedAccount {

		@Test
		void isTheOnlyGap() {
			assertThat(jdbc.query("SELECT account_id, source, error_code FROM ev_gap WHERE run_id = ?",
					(rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), run))
				.containsExactly(List.of(denied.id(), "account", "AccessDenied"));
		}

		@Test
		void whileTheSuspendedOneIsListedButNotAssumedInto() {
			assertThat(assumeRoleCalls).noneMatch(c -> c.accountId().equals(suspended.id()));
		}

	}

	@Nested
	class TheCallBudget {

		@Test
		void oneAssumeRolePerAccount() {
			assertThat(assumeRoleCalls).extracting(c -> c.roleArn().split(":")[4]).doesNotHaveDuplicates();
		}

		@Test
		void atMostOneCredentialReportGenerationPerAccount() {
			for (Account account : demo.accounts()) {
				assertThat(calls.get("iam:GenerateCredentialReport " + account.id())).as(account.id())
					.isLessThanOrEqualTo(1);
			}
		}

		@Test
		void oneDescribeOrganization() {
			assertThat(calls.get("organizations:DescribeOrganization")).isEqualTo(1);
		}

	}

	@Nested
	class TheControls {

		@Test
		void areEvaluatedForEveryAccount() {
			for (String control : List.of("root-mfa-enabled", "console-user-mfa", "inspector-finding-sla")) {
				assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT account_id) FROM ev_control_result "
						+ "WHERE run_id = ? AND control_id = ?", Integer.class, run, control))
					.as(control)
					.isEqualTo(demo.accounts().size());
			}
		}

		@Test
		void passFailNoEvidenceOrNotApplicableByAccount() {
			assertThat(status("root-mfa-enabled", "444444444444")).isEqualTo("FAIL");
			assertThat(status("root-mfa-enabled", "222222222222")).isEqualTo("PASS");
			assertThat(status("root-mfa-enabled", denied.id())).isEqualTo("NO_EVIDENCE");
			assertThat(status("root-mfa-enabled", suspended.id())).isEqualTo("NOT_APPLICABLE");
		}

	}

	@Nested
	class TheOutputs {

		@Test
		void theWorkbookListsEveryFindingAndTheGap() throws Exception {
			try (Workbook workbook = WorkbookFactory.create(pkg.resolve("evidence-workbook.xlsx").toFile(), null,
					true)) {
				assertThat(workbook.getSheet("Summary")).isNotNull();
				assertThat(workbook.getSheet("Findings").getLastRowNum()).isEqualTo(demo.findings().size());
				assertThat(workbook.getSheet("Gaps").getLastRowNum()).isEqualTo(1);
				assertThat(workbook.getSheet("Gaps").getRow(1).getCell(0).getStringCellValue()).isEqualTo(denied.id());
			}
		}

		@Test
		void theReportNamesTheGapQuotesTheManifestAndCarriesTheResults() throws Exception {
			try (PDDocument pdf = Loader.loadPDF(pkg.resolve("evidence-report.pdf").toFile())) {
				String text = new PDFTextStripper().getText(pdf);
				assertThat(text).contains("Root user protected by MFA")
					.contains(denied.id())
					.contains("AccessDenied")
					.contains(PackageFiles.sha256(pkg.resolve("manifest.json")));
				var attached = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("results.json");
				assertThat(attached.getEmbeddedFile().toByteArray())
					.isEqualTo(Files.readAllBytes(pkg.resolve("results.json")));
			}
		}

		@Test
		void aFailingControlSaysHowToFixItInTheReportAndTheResults() throws Exception {
			Control control = catalog.find("root-mfa-enabled").orElseThrow();
			assertThat(control.remediation()).isNotBlank();
			assertThat(control.references()).isNotEmpty();

			JsonNode results = new ObjectMapper().readTree(pkg.resolve("results.json").toFile());
			JsonNode json = null;
			for (JsonNode c : results.path("controls")) {
				if (c.path("id").asText().equals("root-mfa-enabled")) {
					json = c;
				}
			}
			assertThat(json).isNotNull();
			assertThat(json.path("status").asText()).isEqualTo("FAIL");
			assertThat(json.path("remediation").asText()).isEqualTo(control.remediation());
			assertThat(json.path("references")).extracting(JsonNode::asText)
				.containsExactlyElementsOf(control.references());

			try (PDDocument pdf = Loader.loadPDF(pkg.resolve("evidence-report.pdf").toFile())) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
				assertThat(text).contains("Howtofixit")
					.contains(control.remediation().replaceAll("\\s+", ""))
					.contains(control.references().get(0));
			}
		}

		@Test
		void theReportIsPdfA3b() throws Exception {
			var pdfa = PdfAValidation.validate(pkg.resolve("evidence-report.pdf"));
			assertThat(PdfAValidation.failures(pdfa)).as("veraPDF, PDF/A-3b").isEmpty();
			assertThat(pdfa.isCompliant()).isTrue();
		}

		@Test
		void theResultsFollowTheirSchema() throws Exception {
			JsonNode results = new ObjectMapper().readTree(pkg.resolve("results.json").toFile());
			assertThat(results.path("period").asText()).isEqualTo("2026-Q3");
			assertThat(results.path("gaps")).hasSize(1);
			assertThat(results.path("controls")).hasSize(catalog.controls().size());
			assertThat(results.path("frameworks")).hasSize(catalog.frameworks().size());
			JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(Files.readString(Path.of("docs/results.schema.json")));
			assertThat(schema.validate(results)).isEmpty();
		}

	}

	@Nested
	class TheManifestAndSums {

		@Test
		void sayWhereEachRawFileCameFrom() throws Exception {
			JsonNode manifest = new ObjectMapper().readTree(pkg.resolve("manifest.json").toFile());
			JsonNode report = null;
			for (JsonNode file : manifest.path("files")) {
				if (file.path("path").asText().equals("raw/444444444444/iam/credential-report.csv")) {
					report = file;
				}
			}
			assertThat(report).isNotNull();
			assertThat(report.path("operation").asText()).isEqualTo("iam:GetCredentialReport");
			assertThat(report.path("account").asText()).isEqualTo("444444444444");
			assertThat(report.path("region").asText()).isEqualTo("us-east-1");
			assertThat(report.path("collectedAt").asText()).isNotEmpty();
			assertThat(report.path("sha256").asText())
				.isEqualTo(PackageFiles.sha256(pkg.resolve(report.path("path").asText())));
		}

		@Test
		void listEveryFileWithItsTrueHash() throws Exception {
			Map<String, String> sums = PackageFiles.sums(pkg);
			assertThat(sums).containsKeys("evidence-workbook.xlsx", "evidence-report.pdf", "results.json",
					"manifest.json", "raw/111111111111/iam/credential-report.csv");
			for (var entry : sums.entrySet()) {
				assertThat(PackageFiles.sha256(pkg.resolve(entry.getKey()))).as(entry.getKey())
					.isEqualTo(entry.getValue());
			}
			try (var files = Files.walk(pkg)) {
				assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(sums.size() + 1);
			}
		}

	}

	private long count(String table) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Long.class, run);
	}

	private String status(String control, String account) {
		return jdbc.queryForObject(
				"SELECT status FROM ev_control_result WHERE run_id = ? AND control_id = ? AND account_id = ?",
				String.class, run, control, account);
	}

}
