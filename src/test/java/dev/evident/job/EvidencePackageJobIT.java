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
import dev.evident.support.ExactTotals;
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

	/**
	 * The network collection's calls: one a region each (the demo's lists fit a page).
	 */
	static final List<String> NETWORK_CALLS = List.of("ec2:DescribeRegions", "ec2:DescribeVpcs", "ec2:DescribeFlowLogs",
			"ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls");

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
			for (String operation : NETWORK_CALLS) {
				calls.put(operation + " " + account.id(), simulator.calls().count(operation, account.id()));
			}
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
		void oneDescribeRegionsPerAccountAndOneCallOfEachNetworkListPerRegion() {
			for (Account account : demo.accounts()) {
				boolean reached = !account.suspended() && !account.assumeRoleDenied();
				long regions = demo.regions().stream().filter(r -> demo.regionEnabled(account.id(), r.name())).count();
				assertThat(calls.get("ec2:DescribeRegions " + account.id())).as(account.id())
					.isEqualTo(reached ? 1 : 0);
				for (String operation : NETWORK_CALLS.subList(1, NETWORK_CALLS.size())) {
					assertThat(calls.get(operation + " " + account.id())).as(operation + " " + account.id())
						.isEqualTo(reached ? regions : 0);
				}
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
	class TheNetwork {

		@Test
		void isJudgedOnWhatTheDemoHolds() {
			// the VPC without flow logs, the one whose flow log fails to deliver
			assertThat(results("vpc-flow-logs", "FAIL")).containsExactly(
					"444444444444 " + vpc("444444444444", "eu-west-1", "payments-eu") + " has no flow log.",
					"555555555555 " + vpc("555555555555", "us-east-1", "web-staging") + " has no working flow log: "
							+ flowLogOf("555555555555", "us-east-1", "web-staging") + " is ACTIVE, delivery FAILED.");
			// the default group with the rules AWS creates it with
			assertThat(results("default-security-group-closed", "FAIL")).singleElement()
				.asString()
				.startsWith("555555555555 The default security group ")
				.endsWith("has 2 rules: inbound all traffic from " + defaultGroup("555555555555", "web")
						+ "; outbound all traffic to 0.0.0.0/0.");
			// SSH open on IPv6 only, the NACL that allows everything, the return range
			// from 1024
			assertThat(results("admin-ports-closed", "FAIL")).hasSize(3)
				.anyMatch(r -> r.startsWith("444444444444 Network ACL") && r.endsWith(
						"rule 100 allows all traffic from 0.0.0.0/0 (port 22, 3389); rule 101 allows all traffic from ::/0 (port 22, 3389)."))
				.anyMatch(r -> r.startsWith("555555555555 Security group") && r.contains("(legacy-ssh)")
						&& r.endsWith("allows inbound tcp 22 from ::/0 (port 22)."))
				.anyMatch(r -> r.startsWith("666666666666 Network ACL")
						&& r.endsWith("rule 110 allows tcp 1024-65535 from 0.0.0.0/0 (port 3389)."));
			assertThat(status("admin-ports-closed", denied.id())).isEqualTo("NO_EVIDENCE");
			assertThat(status("vpc-flow-logs", suspended.id())).isEqualTo("NOT_APPLICABLE");
		}

		@Test
		void everyOutputListsItAndTheRegionsCovered() throws Exception {
			try (Workbook workbook = WorkbookFactory.create(pkg.resolve("evidence-workbook.xlsx").toFile(), null,
					true)) {
				assertThat((long) workbook.getSheet("Regions").getLastRowNum()).isEqualTo(count("ev_account_region"));
				assertThat((long) workbook.getSheet("VPCs").getLastRowNum()).isEqualTo(count("ev_vpc"));
				assertThat((long) workbook.getSheet("Network ACLs").getLastRowNum())
					.isEqualTo(count("ev_network_acl_entry"));
				assertThat(workbook.getSheet("Security groups").getLastRowNum()).isPositive();
			}
			try (PDDocument pdf = Loader.loadPDF(pkg.resolve("evidence-report.pdf").toFile())) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				assertThat(text).contains("Network protection", "Regions covered",
						"2 VPC(s) without an active, delivering flow log.",
						"4 exposed security group(s) or network ACL(s).");
			}
			JsonNode network = new ObjectMapper().readTree(pkg.resolve("results.json").toFile()).path("network");
			assertThat(network.path("regions")).hasSize((int) count("ev_account_region"));
			assertThat(network.path("vpcs").asLong()).isEqualTo(count("ev_vpc"));
			assertThat(network.path("vpcsWithWorkingFlowLog").asLong()).isEqualTo(count("ev_vpc") - 2);
		}

		private List<String> results(String control, String status) {
			return jdbc.queryForList(
					"SELECT account_id || ' ' || reason FROM ev_control_result WHERE run_id = ? "
							+ "AND control_id = ? AND status = ? ORDER BY account_id, resource",
					String.class, run, control, status);
		}

		private String vpc(String account, String region, String name) {
			var vpc = demo.network(account, region)
				.vpcs()
				.stream()
				.filter(v -> name.equals(v.name()))
				.findFirst()
				.orElseThrow();
			return "VPC " + vpc.vpcId() + " (" + name + ") in " + region + " of account " + account;
		}

		private String flowLogOf(String account, String region, String vpcName) {
			var network = demo.network(account, region);
			String vpcId = network.vpcs()
				.stream()
				.filter(v -> vpcName.equals(v.name()))
				.findFirst()
				.orElseThrow()
				.vpcId();
			return network.flowLogs()
				.stream()
				.filter(f -> f.resourceId().equals(vpcId))
				.findFirst()
				.orElseThrow()
				.flowLogId();
		}

		private String defaultGroup(String account, String vpcName) {
			var network = demo.network(account, "us-east-1");
			String vpcId = network.vpcs()
				.stream()
				.filter(v -> vpcName.equals(v.name()))
				.findFirst()
				.orElseThrow()
				.vpcId();
			return network.securityGroups()
				.stream()
				.filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals("default"))
				.findFirst()
				.orElseThrow()
				.groupId();
		}

	}

	@Nested
	class TheEntryPoints {

		@Test
		void areCollectedInFullAndListedInEveryOutput() throws Exception {
			new ExactTotals(jdbc, demo).assertExact(run);
			try (Workbook workbook = WorkbookFactory.create(pkg.resolve("evidence-workbook.xlsx").toFile(), null,
					true)) {
				assertThat((long) workbook.getSheet("Load balancers").getLastRowNum())
					.isEqualTo(count("ev_load_balancer"));
				assertThat((long) workbook.getSheet("Web ACLs").getLastRowNum()).isEqualTo(count("ev_web_acl"));
				var unused = workbook.getSheet("Web ACLs");
				boolean found = false;
				for (var row : unused) {
					if (row.getRowNum() > 0 && "unused-acl".equals(row.getCell(3).getStringCellValue())) {
						assertThat(row.getCell(4).getNumericCellValue()).as("associated with nothing").isZero();
						found = true;
					}
				}
				assertThat(found).as("the web ACL associated with nothing is listed").isTrue();
			}
			try (PDDocument pdf = Loader.loadPDF(pkg.resolve("evidence-report.pdf").toFile())) {
				String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
				String section = text.substring(text.lastIndexOf("Internet-facing entry points"));
				assertThat(section)
					.contains("web-public", "web-protection", "web-legacy", "payments-api", "payments-waf",
							"payments-nlb", "network load balancer, us-east-1", "Advanced")
					.doesNotContain("web-internal");
			}
		}

		@Test
		void areJudgedOnRealAssociationsNotOnWebAclsThatExist() {
			assertThat(statuses("waf-protection", "555555555555")).containsExactly("FAIL", "PASS");
			assertThat(statuses("waf-protection", "444444444444")).containsExactly("PASS");
			assertThat(jdbc.queryForList("SELECT reason FROM ev_control_result WHERE run_id = ? AND control_id = ? "
					+ "AND status = 'FAIL' ORDER BY resource", String.class, run, "waf-protection"))
				.allMatch(r -> r.endsWith("is associated with no web ACL."))
				.anyMatch(r -> r.contains("web-legacy"));
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

	private List<String> statuses(String control, String account) {
		return jdbc.queryForList("SELECT DISTINCT status FROM ev_control_result WHERE run_id = ? AND control_id = ? "
				+ "AND account_id = ? ORDER BY status", String.class, run, control, account);
	}

	private String status(String control, String account) {
		return jdbc.queryForObject(
				"SELECT status FROM ev_control_result WHERE run_id = ? AND control_id = ? AND account_id = ?",
				String.class, run, control, account);
	}

}
