package dev.evident.report;

import dev.evident.templates.TemplateSource;
import static dev.evident.report.EvidenceStoreFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportRendererTest {

	static final int FINDINGS = 2_500;
	static EvidenceStoreFixture store;
	static Path pdf;
	static String text;
	static List<String> bookmarks = new ArrayList<>();
	static int pages;
	static Path resultsJson;
	static final String TOOL_VERSION = "1.4.2-test";
	static final String MANIFEST_SHA = "0123456789abcdef".repeat(4);

	@TempDir
	static Path dir;

	@BeforeAll
	static void render() throws IOException {
		store = EvidenceStoreFixture.withRun(FINDINGS);
		pdf = dir.resolve("evidence-report.pdf");
		Clock clock = Clock.fixed(Instant.parse("2025-10-01T08:00:00Z"), ZoneOffset.UTC);
		resultsJson = Files.createTempFile("results", ".json");
		Files.writeString(resultsJson, "{\"runId\":\"" + RUN_ID + "\",\"name\":\"研究開発 Ünïcødé\"}");
		new PdfReportRenderer(store.jdbc, TemplateSource.bundled(), clock).render(RUN_ID, pdf,
				new ReportStamp(TOOL_VERSION, MANIFEST_SHA, resultsJson));
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			pages = doc.getNumberOfPages();
			text = new PDFTextStripper().getText(doc);
			collect(doc.getDocumentCatalog().getDocumentOutline(), bookmarks);
		}
	}

	private static void collect(PDOutlineNode node, List<String> out) {
		if (node == null) {
			return;
		}
		for (PDOutlineItem item : node.children()) {
			out.add(item.getTitle());
			collect(item, out);
		}
	}

	@Test
	void writesAPdfAndNoTemporaryFile() throws IOException {
		assertThat(pdf).exists();
		assertThat(Files.size(pdf)).isGreaterThan(1000);
		try (var files = Files.list(dir)) {
			// neither the rendering's .part nor the attachment's .part2 is left behind
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("evidence-report.pdf");
		}
		assertThat(pages).isGreaterThan(5);
	}

	@Test
	void coverNamesTheRun() {
		assertThat(text).contains("Compliance evidence report", ORG_ID, MGMT, PERIOD, RUN_ID, "2025-09-30 23:59:59 UTC",
				"2025-10-01 08:00:00 UTC");
	}

	@Test
	void hasEverySectionTitle() {
		assertThat(text).contains("Contents", "Executive summary", "Requirements by framework", "Evidence gaps",
				"Frameworks", "Controls", "Amazon Inspector findings", "Findings past their remediation SLA",
				"Inspector coverage", "IAM: root users, MFA and access keys", "Root users", "Console users without MFA",
				"Access keys not rotated", "Organizational units and accounts", "Service control policies",
				"AWS Artifact inventory", "Appendix: evidence files");
	}

	@Test
	void summaryCountsControlsByResponsibilityAndStatus() {
		// columns: Pass Fail Manual Not-applicable No-evidence Total
		assertThat(text).contains("Responsibility Pass Fail Manual Not applicable No evidence Total");
		assertThat(text).contains("AWS 2 0 0 0 0 2");
		assertThat(text).contains("Customer 0 2 1 0 0 3");
		assertThat(text).contains("Shared 1 0 0 1 1 3");
		assertThat(text).contains("All controls 3 2 1 1 1 8");
	}

	@Test
	void gapsAreStatedUpFrontBeforeTheControls() {
		assertThat(text).contains("1 evidence gap(s).", "AccessDeniedException", "inspector2");
		String flat = text.replaceAll("\\s+", " ");
		assertThat(flat).contains(GAP_MESSAGE.replace("inspector2:ListFindings", "inspector2:"));
		int gaps = text.indexOf("Evidence that could not be collected");
		int controls = text.indexOf("Objective of ");
		assertThat(gaps).isPositive().isLessThan(controls);
	}

	@Test
	void controlSectionsListPerAccountResultsFailuresFirst() {
		assertThat(text).contains("IAM-1 Root account has MFA", "Objective of Root account has MFA",
				"Overall status FAIL", "Root user has no MFA device", "Inspector could not be read");
		int fail = text.indexOf("Root user has no MFA device");
		int pass = text.indexOf("MFA active");
		assertThat(fail).isLessThan(pass);
	}

	@Test
	void unicodeNamesSurviveIntoTheTextLayer() {
		assertThat(text).contains(UNICODE_NAME, "研究開発");
	}

	@Test
	void markupInDataIsPrintedLiterally() {
		String flat = text.replaceAll("\\s+", "");
		assertThat(flat).contains(SCRIPT_TITLE.replaceAll("\\s+", ""));
		assertThat(flat).contains(MARKUP_NAME.replaceAll("\\s+", ""));
	}

	@Test
	void emojiAndArabicDoNotBreakTheReport() {
		// emoji are outside the bundled fonts: shown as a visible replacement, never an
		// exception
		assertThat(text).contains("\uFFFD");
		assertThat(text).contains("sandbox");
		assertThat(text.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).isEmpty();
	}

	@Test
	void xmlForbiddenControlCharactersAreReplacedNotFatal() {
		assertThat(text).contains("Reviewed by\uFFFD bell\uFFFD vt\uFFFD nul\uFFFD end");
	}

	@Test
	void inspectorSummaryCountsActiveFindingsBySeverity() {
		long active = store.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE'", Long.class, RUN_ID);
		assertThat(active).isEqualTo(2_250);
		assertThat(text).contains("2,250 active finding(s) in 4 account(s)");
		StringBuilder total = new StringBuilder("Total");
		for (String sev : SEVERITIES) {
			total.append(' ')
				.append(store.jdbc.queryForObject(
						"SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE' AND severity = ?",
						Long.class, RUN_ID, sev));
		}
		assertThat(text).contains(total.append(" 2250").toString());
	}

	@Test
	void listsAreBoundedAndPointToTheWorkbook() {
		assertThat(text).contains("Showing 50 of 2,250 rows; the full list is in evidence-workbook.xlsx.");
		assertThat(text).doesNotContain("CVE-2024-3499"); // a LOW finding: not among the
															// 50 most severe
	}

	@Test
	void organizationArtifactsAndFilesAreListed() {
		assertThat(text).contains("Production", "ou-ab12-lab", "DenyLeaveOrganization", "p-FullAWSAccess",
				"ROOT r-ab12", "SOC 2 Type II", "raw/111111111111/iam/credential-report.csv");
	}

	@Test
	void footerNumbersPages() {
		String flat = text.replaceAll("[ \\t]+", " ");
		assertThat(flat).contains("Page 2 of " + pages);
		assertThat(flat).contains("Page " + pages + " of " + pages);
	}

	@Test
	void bookmarksPointAtEverySection() {
		assertThat(bookmarks).contains("Contents", "Executive summary", "Evidence gaps", "Frameworks",
				"ISO/IEC 27001 2022", "SOC 2 2017", "Controls", "IAM-1 Root account has MFA",
				"Amazon Inspector findings", "Findings past their remediation SLA", "Inspector coverage",
				"IAM: root users, MFA and access keys", "Organization", "Service control policies",
				"AWS Artifact inventory", "Appendix: evidence files");
		// one bookmark per framework of the store
		List<String> frameworks = store.jdbc
			.queryForList("SELECT name || ' ' || version FROM ev_framework WHERE run_id = ?", String.class, RUN_ID);
		assertThat(frameworks).hasSize(2);
		assertThat(bookmarks).containsAll(frameworks);
	}

	@Test
	void unknownRunFailsClearly() {
		assertThatThrownBy(() -> new PdfReportRenderer(store.jdbc, TemplateSource.bundled()).render("no-such-run",
				dir.resolve("x.pdf")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no-such-run");
	}

	@Test
	void anEmptyRunStillRenders(@TempDir Path other) throws IOException {
		EvidenceStoreFixture empty = EvidenceStoreFixture.emptyStore();
		empty.jdbc.update("INSERT INTO ev_run (run_id, period, as_of, source, started_at) VALUES (?,?,?,?,?)", "empty",
				"2025-Q4", AS_OF, "SIMULATED", AS_OF);
		Path out = other.resolve("r.pdf");
		assertThatCode(() -> new PdfReportRenderer(empty.jdbc, TemplateSource.bundled()).render("empty", out))
			.doesNotThrowAnyException();
		try (PDDocument doc = Loader.loadPDF(out.toFile())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("No evidence gaps",
					"The run recorded no controls.");
		}
	}

	@Test
	void aTemplatesDirOverridesTheWording(@TempDir Path templates, @TempDir Path other) throws IOException {
		Path pdfDir = Files.createDirectories(templates.resolve("pdf"));
		Files.writeString(pdfDir.resolve("messages.properties"),
				new String(TemplateSource.bundled().bytes("pdf/messages.properties"),
						java.nio.charset.StandardCharsets.UTF_8)
					.replace("report.title=Compliance evidence report", "report.title=Rapport de conformité ACME"));
		Path out = other.resolve("r.pdf");
		new PdfReportRenderer(store.jdbc, TemplateSource.overriddenBy(templates)).render(RUN_ID, out);
		try (PDDocument doc = Loader.loadPDF(out.toFile())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("Rapport de conformité ACME", "Executive summary");
		}
	}

}
