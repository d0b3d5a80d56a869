package dev.evident.report;

import dev.evident.templates.TemplateSource;
import static dev.evident.report.EvidenceStoreFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sections added for auditors: cover stamp, frameworks, evidence files per control,
 * SLA breaches, Inspector coverage, IAM and the Artifact "covers period" column.
 */
class PdfReportSectionsTest {

	static final String TOOL_VERSION = "2.0.1-audit";

	/** All digits: the widest a digest can be drawn in the report's font. */
	static final String MANIFEST_SHA = "9876543210".repeat(6) + "9876";
	static EvidenceStoreFixture store;
	static String text;
	static String flat;

	@TempDir
	static Path dir;

	@BeforeAll
	static void render() throws IOException {
		store = EvidenceStoreFixture.withRun(2_500);
		Path results = dir.resolve("results.json");
		Files.writeString(results, "{}");
		Path pdf = dir.resolve("evidence-report.pdf");
		Clock clock = Clock.fixed(Instant.parse("2025-10-01T08:00:00Z"), ZoneOffset.UTC);
		new PdfReportRenderer(store.jdbc, TemplateSource.bundled(), clock).render(RUN_ID, pdf,
				new ReportStamp(TOOL_VERSION, MANIFEST_SHA, results));
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			text = new PDFTextStripper().getText(doc);
		}
		String keep = System.getProperty("evident.keep-pdf"); // to look at the layout
		if (keep != null) {
			Files.copy(pdf, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		flat = text.replaceAll("\\s+", " ");
	}

	/**
	 * The text from the last {@code from} (a heading, after its contents line) to the
	 * next {@code to}.
	 */
	private static String section(String from, String to) {
		int start = text.lastIndexOf(from);
		int end = text.indexOf(to, start + from.length());
		assertThat(start).as(from).isNotNegative();
		assertThat(end).as(to).isGreaterThan(start);
		return text.substring(start, end);
	}

	@Test
	void coverStatesToolVersionAndManifestHash() {
		String cover = section("Compliance evidence report", "Contents");
		assertThat(cover).contains("Evident version", TOOL_VERSION, "manifest.json SHA-256", "results.json");
		assertThat(cover).as("the digest, whole on one line").contains(MANIFEST_SHA);
		assertThat(cover.replaceAll("\\s+", " "))
			.contains("manifest.json of the evidence bundle must hash to this value");
	}

	@Test
	void summaryCountsRequirementsByFrameworkWithPercentages() {
		String summary = section("Requirements by framework", "Requirements by status").replaceAll("\\s+", " ");
		// columns: Pass Fail Manual Not-applicable No-evidence Total; frameworks by id
		assertThat(summary).contains("ISO/IEC 27001 2022 2 (67%) 1 (33%) 0 (0%) 0 (0%) 0 (0%) 3");
		assertThat(summary).contains("SOC 2 2017 1 (25%) 1 (25%) 1 (25%) 0 (0%) 1 (25%) 4");
		assertThat(summary.indexOf("ISO/IEC")).isLessThan(summary.indexOf("SOC 2"));
	}

	@Test
	void eachFrameworkListsEveryRequirementIncludingManualOnes() {
		String fw = section("Each framework's requirements", "Objective of ").replaceAll("\\s+", " ");
		assertThat(fw).contains("CC6.1 Logical access security PASS AWS-1, ORG-1", "CC6.3 Access reviews MANUAL IAM-2",
				"CC7.1 Vulnerability detection NO_EVIDENCE VULN-1", "A.8.5 Secure authentication FAIL");
		assertThat(fw).contains(REQUIREMENT_NAME);
		assertThat(fw.indexOf("CC6.1")).isLessThan(fw.indexOf("CC6.2")).isLessThan(fw.indexOf("CC6.3"));
	}

	@Test
	void controlSectionsListTheirEvidenceFilesWithHashes() {
		String iam1 = section("IAM-1 Root account has MFA", "IAM-2 ").replaceAll("\\s+", "");
		assertThat(iam1).contains("Evidencefiles", "raw/111111111111/iam/credential-report.csv",
				String.format("%064x", 1), "raw/333333333333/iam/credential-report.csv", String.format("%064x", 3));
		String vuln = section("VULN-1 Critical vulnerabilities", "access-keys-rotated Access keys rotated")
			.replaceAll("\\s+", " ");
		assertThat(vuln).contains(INSPECTOR_FOLDER, "2 file(s) in this folder", "raw/444444444444/x.json",
				"not in the package");
	}

	@Test
	void aFailingControlSaysHowToFixItWithItsReferences() {
		String iam1 = section("IAM-1 Root account has MFA", "IAM-2 ").replaceAll("\\s+", " ");
		assertThat(iam1).contains("How to fix it", "Remediation of Root account has MFA", "References",
				"https://docs.example.com/IAM-1", "https://docs.example.com/IAM-1/more");

		String passing = section("AWS-1 Physical security of data centres", "AWS-2 ");
		assertThat(passing).doesNotContain("How to fix it").doesNotContain("Remediation of");
	}

	@Test
	void slaBreachesAreBoundedOldestFirstWithTheirThresholds() {
		long breaches = store.jdbc.queryForObject("""
				SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE' AND (
				  (severity = 'CRITICAL' AND first_observed_at < ?) OR (severity = 'HIGH' AND first_observed_at < ?)
				  OR (severity = 'MEDIUM' AND first_observed_at < ?))""", Long.class, RUN_ID, AS_OF.minusDays(15),
				AS_OF.minusDays(30), AS_OF.minusDays(90));
		assertThat(breaches).isGreaterThan(50);
		String sla = section("Findings past their remediation SLA", "Inspector coverage").replaceAll("\\s+", " ");
		assertThat(sla).contains("CRITICAL 15 days, HIGH 30 days, MEDIUM 90 days",
				"default of mappings/controls/vulnerability/inspector-finding-sla.yaml");
		assertThat(sla).contains(String.format("%,d ACTIVE finding(s) past their SLA.", breaches));
		assertThat(sla).contains(String.format(
				"Showing the 50 oldest of %,d findings past their SLA; the full list is in evidence-workbook.xlsx",
				breaches));
		// oldest first: HIGH findings 85 days old (SLA 30) before CRITICAL ones 84 days
		// old
		// (SLA 15)
		assertThat(sla.indexOf("2025-07-07 85 30")).isPositive().isLessThan(sla.indexOf("2025-07-08 84 15"));
		assertThat(sla.split(" - openssl", -1).length - 1).isEqualTo(50);
	}

	@Test
	void coverageShowsInspectorStatusAndResourcesPerAccountAndRegion() {
		String cov = section("Inspector status per account and region", "IAM: root users").replaceAll("\\s+", " ");
		assertThat(cov).contains(
				"111111111111 Management us-east-1 ENABLED EC2 ENABLED, ECR ENABLED, Lambda DISABLED, Lambda code DISABLED 3 1");
		assertThat(cov).contains("ACCESS_DENIED");
		assertThat(cov).contains("eu-west-1 not recorded");
	}

	@Test
	void iamSectionShowsRootsUsersWithoutMfaAndStaleKeys() {
		String iam = section("IAM: root users, MFA and access keys", "Organizational units").replaceAll("\\s+", " ");
		assertThat(iam).contains("111111111111 Management yes hardware yes (key 1)");
		assertThat(iam).contains("222222222222 " + UNICODE_NAME + " yes virtual");
		assertThat(iam).contains("333333333333", "no");
		assertThat(iam).contains("444444444444", "unknown");
		assertThat(iam).contains("1 IAM user(s) with a console password and no MFA.", NO_MFA_USER);
		// the threshold comes from the control's results (45), not the file's default
		// (90)
		assertThat(iam).contains("not rotated within 45 days before 2025-09-30 23:59:59 UTC",
				"results of control access-keys-rotated", "3 active access key(s) older than the threshold.");
		assertThat(iam.replace(" ", "")).contains("ci-deployer12025-08-0100:00UTC60");
	}

	@Test
	void networkSectionShowsRegionsUnloggedVpcsAndWhatExposesEachGroup() {
		String net = section("Network protection", "Organizational units").replaceAll("\\s+", " ");
		assertThat(net).contains("2 VPC(s), 1 of them with a working flow log; 3 security group(s); 1 network ACL(s).");
		assertThat(net).contains("222222222222 " + UNICODE_NAME + " eu-west-1 ap-east-1 -");
		assertThat(net).contains("1 VPC(s) without an active, delivering flow log.",
				"222222222222 eu-west-1 vpc-0a1 研究 no flow log");
		assertThat(net).contains("1 exposed security group(s) or network ACL(s).", "sg-0e2 NET-1",
				"allows inbound tcp 22 from ::/0 (port 22).");
	}

	@Test
	void artifactInventorySaysWhetherEachReportCoversThePeriod() {
		String art = section("AWS Artifact inventory", "Appendix: evidence files").replaceAll("\\s+", " ");
		assertThat(art).contains("Covers 2025-Q3");
		// ISO: 2025-03-30 – 2026-03-30 covers Q3; SOC 2: 2024-09-30 – 2025-06-30 does not
		String compact = art.replace(" ", "");
		assertThat(compact).contains("2025-03-30–2026-03-30yes", "2024-09-30–2025-06-30no");
	}

}
