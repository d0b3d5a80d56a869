package dev.evident.workbook;

import static dev.evident.report.EvidenceStoreFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.report.EvidenceStoreFixture;
import dev.evident.templates.TemplateSource;

class WorkbookRendererTest {

	static final int FINDINGS = 2_500;
	static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-01T08:00:00Z"), ZoneOffset.UTC);

	@TempDir
	static Path dir;
	static EvidenceStoreFixture store;
	static XSSFWorkbook wb;

	@BeforeAll
	static void render() throws IOException {
		store = EvidenceStoreFixture.withRun(FINDINGS);
		Path xlsx = dir.resolve("evidence-workbook.xlsx");
		new WorkbookRenderer(store.jdbc, TemplateSource.bundled()).render(RUN_ID, xlsx);
		wb = new XSSFWorkbook(Files.newInputStream(xlsx));
	}

	@AfterAll
	static void close() throws IOException {
		wb.close();
	}

	private static List<String> sheetNames(XSSFWorkbook w) {
		List<String> names = new ArrayList<>();
		w.forEach(s -> names.add(s.getSheetName()));
		return names;
	}

	private static List<String> header(Sheet s) {
		List<String> h = new ArrayList<>();
		s.getRow(0).forEach(c -> h.add(c.getStringCellValue()));
		return h;
	}

	private static long count(String sql) {
		return store.jdbc.queryForObject(sql, Long.class, RUN_ID);
	}

	/** The first data row whose column {@code col} holds {@code value}. */
	private static Row rowWith(Sheet s, int col, String value) {
		for (Row r : s) {
			Cell c = r.getCell(col);
			if (r.getRowNum() > 0 && c != null && c.getCellType() == CellType.STRING
					&& value.equals(c.getStringCellValue())) {
				return r;
			}
		}
		throw new AssertionError("no row with " + value + " in " + s.getSheetName());
	}

	@Test
	void hasTheSheetsInOrder() {
		assertThat(sheetNames(wb)).containsExactly("Summary", "Controls", "Results", "Frameworks", "Gaps",
				"Credential report", "Findings", "Regions", "VPCs", "Security groups", "Network ACLs", "Load balancers",
				"Web ACLs", "Organization", "SCPs", "Artifact reports", "Files");
	}

	@Test
	void writesTheConfiguredHeaders() {
		assertThat(header(wb.getSheet("Controls"))).containsExactly("Control", "Title", "Responsibility", "Status",
				"Check", "Objective", "Remediation", "References");
		assertThat(header(wb.getSheet("Findings"))).startsWith("Account", "Region", "Severity", "Status");
		assertThat(header(wb.getSheet("Credential report"))).hasSize(23)
			.startsWith("Account", "user", "arn")
			.contains("mfa_active", "cert_2_last_rotated");
	}

	@Test
	void theNetworkSheetsHoldEveryRegionVpcRuleAndEntry() {
		assertThat(wb.getSheet("Regions").getLastRowNum()).isEqualTo(2);
		var unused = rowWith(wb.getSheet("Regions"), 2, "ap-east-1");
		assertThat(unused.getCell(4).getStringCellValue()).isEqualTo("NOT_ENABLED");
		assertThat(unused.getCell(5).getStringCellValue()).isEqualTo("not enabled for the account (not-opted-in)");

		Sheet vpcs = wb.getSheet("VPCs");
		assertThat(header(vpcs)).containsExactly("Account", "Region", "VPC", "Name", "CIDR", "Default VPC", "Flow logs",
				"Active flow logs");
		var bare = rowWith(vpcs, 2, "vpc-0a1");
		assertThat(bare.getCell(3).getStringCellValue()).isEqualTo("研究");
		assertThat(bare.getCell(5).getBooleanCellValue()).isFalse();
		assertThat(bare.getCell(6).getNumericCellValue()).isZero();
		assertThat(rowWith(vpcs, 2, "vpc-0b2").getCell(7).getNumericCellValue()).isEqualTo(1);

		// one row per rule, and a group without rules still has its row
		Sheet groups = wb.getSheet("Security groups");
		assertThat(groups.getLastRowNum()).isEqualTo(4);
		var ssh = rowWith(groups, 2, "sg-0e2");
		assertThat(ssh.getCell(5).getStringCellValue()).isEqualTo("inbound");
		assertThat(ssh.getCell(7).getNumericCellValue()).isEqualTo(22);
		assertThat(ssh.getCell(9).getStringCellValue()).isEqualTo("::/0");
		assertThat(ssh.getCell(10).getStringCellValue()).isEqualTo("yes");
		assertThat(ssh.getCell(11).getCellType()).as("formula-safe text").isEqualTo(CellType.STRING);
		assertThat(ssh.getCell(11).getStringCellValue()).isEqualTo(FORMULA);
		assertThat(rowWith(groups, 2, "sg-0f3").getCell(5)).isNull();

		Sheet acls = wb.getSheet("Network ACLs");
		assertThat(acls.getLastRowNum()).isEqualTo(3);
		assertThat(acls.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(100);
		assertThat(acls.getRow(1).getCell(8).getStringCellValue()).isEqualTo("allow");
		assertThat(acls.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(32767);
		assertThat(acls.getRow(3).getCell(5).getStringCellValue()).isEqualTo("outbound");
		assertThat(acls.getSheetName()).isEqualTo("Network ACLs");
		assertThat(acls.getPaneInformation().isFreezePane()).as("frozen header").isTrue();
		assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) acls).getCTWorksheet().isSetAutoFilter()).as("filters")
			.isTrue();
	}

	@Test
	void eachControlCarriesItsRemediationAndReferences() {
		var iam1 = rowWith(wb.getSheet("Controls"), 0, "IAM-1");
		assertThat(iam1.getCell(6).getStringCellValue()).isEqualTo("Remediation of Root account has MFA");
		assertThat(iam1.getCell(7).getStringCellValue())
			.isEqualTo("https://docs.example.com/IAM-1\nhttps://docs.example.com/IAM-1/more");
	}

	@Test
	void rowCountsEqualTheStore() {
		assertThat(wb.getSheet("Findings").getLastRowNum()).isEqualTo(FINDINGS);
		assertThat((long) wb.getSheet("Controls").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_control WHERE run_id = ?"));
		assertThat((long) wb.getSheet("Results").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_control_result WHERE run_id = ?"));
		assertThat((long) wb.getSheet("Frameworks").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_framework_requirement WHERE run_id = ?"))
			.isEqualTo(7);
		assertThat((long) wb.getSheet("Gaps").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_gap WHERE run_id = ?"));
		assertThat((long) wb.getSheet("Credential report").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_credential_report_row WHERE run_id = ?"));
		assertThat((long) wb.getSheet("Organization").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_account WHERE run_id = ?"));
		assertThat((long) wb.getSheet("SCPs").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_policy_target WHERE run_id = ?"));
		assertThat((long) wb.getSheet("Artifact reports").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_artifact_report WHERE run_id = ?"));
		assertThat((long) wb.getSheet("Files").getLastRowNum())
			.isEqualTo(count("SELECT COUNT(*) FROM ev_evidence_file WHERE run_id = ?"));
	}

	@Test
	void datesAreRealExcelDates() {
		Sheet findings = wb.getSheet("Findings");
		int first = header(findings).indexOf("First observed (UTC)");
		Cell c = findings.getRow(1).getCell(first);
		assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(DateUtil.isCellDateFormatted(c)).isTrue();

		Row mgmt = rowWith(wb.getSheet("Organization"), 0, MGMT);
		Cell joined = mgmt.getCell(header(wb.getSheet("Organization")).indexOf("Joined (UTC)"));
		assertThat(DateUtil.isCellDateFormatted(joined)).isTrue();
		assertThat(joined.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2020, 1, 15, 8, 30));
	}

	@Test
	void credentialReportInstantsBecomeDatesAndCanonicalTextStaysText() {
		Sheet cred = wb.getSheet("Credential report");
		List<String> h = header(cred);
		Row root = rowWith(cred, 1, "<root_account>");
		Cell created = root.getCell(h.indexOf("user_creation_time"));
		assertThat(DateUtil.isCellDateFormatted(created)).isTrue();
		assertThat(created.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2019, 1, 2, 3, 4, 5));
		assertThat(root.getCell(h.indexOf("password_last_used")).getStringCellValue()).isEqualTo("no_information");
		assertThat(root.getCell(h.indexOf("password_last_changed")).getStringCellValue()).isEqualTo("N/A");
		assertThat(root.getCell(h.indexOf("password_enabled")).getStringCellValue()).isEqualTo("not_supported");
	}

	@Test
	void numbersAreNumbers() {
		Sheet findings = wb.getSheet("Findings");
		Cell score = findings.getRow(1).getCell(header(findings).indexOf("Inspector score"));
		assertThat(score.getCellType()).isEqualTo(CellType.NUMERIC);
		Sheet files = wb.getSheet("Files");
		Cell size = files.getRow(1).getCell(header(files).indexOf("Bytes"));
		assertThat(size.getNumericCellValue()).isEqualTo(1000.0);
		Row mgmt = rowWith(wb.getSheet("Organization"), 0, MGMT);
		assertThat(
				mgmt.getCell(header(wb.getSheet("Organization")).indexOf("Management account")).getBooleanCellValue())
			.isTrue();
	}

	@Test
	void formulaLookingTextStaysAQuotedString() {
		Row user = rowWith(wb.getSheet("Credential report"), 1, FORMULA);
		Cell c = user.getCell(1);
		assertThat(c.getCellType()).isEqualTo(CellType.STRING);
		assertThat(c.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
		assertThat(c.getCellStyle().getQuotePrefixed()).isTrue();

		Sheet findings = wb.getSheet("Findings");
		int title = header(findings).indexOf("Title");
		Cell t = rowWith(findings, title, FORMULA).getCell(title);
		assertThat(t.getCellType()).isEqualTo(CellType.STRING);
		assertThat(t.getCellStyle().getQuotePrefixed()).isTrue();

		// no cell anywhere is a formula
		for (Sheet s : wb) {
			for (Row r : s) {
				for (Cell cell : r) {
					assertThat(cell.getCellType()).as(s.getSheetName() + "!" + cell.getAddress())
						.isNotEqualTo(CellType.FORMULA);
				}
			}
		}
		// ordinary text is not quote-prefixed
		assertThat(rowWith(findings, title, SCRIPT_TITLE).getCell(title).getCellStyle().getQuotePrefixed()).isFalse();
	}

	@Test
	void unicodeAndMarkupSurvive() {
		Sheet org = wb.getSheet("Organization");
		assertThat(rowWith(org, 0, UNICODE_ACCOUNT).getCell(1).getStringCellValue()).isEqualTo(UNICODE_NAME);
		assertThat(rowWith(org, 0, EMOJI_ACCOUNT).getCell(1).getStringCellValue()).isEqualTo(EMOJI_NAME);
		assertThat(rowWith(org, 0, MARKUP_ACCOUNT).getCell(1).getStringCellValue()).isEqualTo(MARKUP_NAME);
		Sheet findings = wb.getSheet("Findings");
		rowWith(findings, header(findings).indexOf("Title"), SCRIPT_TITLE);
	}

	@Test
	void xmlForbiddenControlCharactersDoNotCorruptTheFile() {
		Sheet results = wb.getSheet("Results");
		Row row = rowWith(results, 3, "process:access-review");
		assertThat(row.getCell(5).getStringCellValue()).startsWith("Reviewed by").endsWith("end");
	}

	@Test
	void gapsSheetHasTheGap() {
		Row gap = rowWith(wb.getSheet("Gaps"), 0, EMOJI_ACCOUNT);
		assertThat(gap.getCell(4).getStringCellValue()).isEqualTo(GAP_MESSAGE);
		assertThat(gap.getCell(3).getStringCellValue()).isEqualTo("AccessDeniedException");
	}

	@Test
	void headerIsFrozenFilteredAndColumnsHaveFixedWidths() {
		for (Sheet s : wb) {
			if (s.getSheetName().equals("Summary")) {
				continue;
			}
			assertThat(s.getPaneInformation()).as(s.getSheetName()).isNotNull();
			assertThat(s.getPaneInformation().isFreezePane()).isTrue();
			assertThat(s.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
			assertThat(((XSSFSheet) s).getCTWorksheet().isSetAutoFilter()).as(s.getSheetName()).isTrue();
		}
		assertThat(wb.getSheet("Findings").getColumnWidth(header(wb.getSheet("Findings")).indexOf("Title")))
			.isEqualTo(60 * 256);
	}

	@Test
	void statusColumnsAreColouredByConditionalFormatting() {
		SheetConditionalFormatting cf = wb.getSheet("Results").getSheetConditionalFormatting();
		assertThat(cf.getNumConditionalFormattings()).isEqualTo(4);
		List<String> formulas = new ArrayList<>();
		for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
			var f = cf.getConditionalFormattingAt(i);
			assertThat(f.getFormattingRanges()[0].formatAsString()).isEqualTo("E2:E10");
			formulas.add(f.getRule(0).getFormula1());
		}
		assertThat(formulas).containsExactlyInAnyOrder("\"PASS\"", "\"FAIL\"", "\"MANUAL\"", "\"NO_EVIDENCE\"");
		// statuses are plain text cells with one shared style, not a style per status
		Sheet controls = wb.getSheet("Controls");
		assertThat(rowWith(controls, 0, "IAM-1").getCell(3).getCellStyle().getIndex())
			.isEqualTo(rowWith(controls, 0, "AWS-1").getCell(3).getCellStyle().getIndex());
	}

	@Test
	void summaryHasRunFactsAndTotals() {
		Sheet s = wb.getSheet("Summary");
		assertThat(rowWith(s, 0, "Organization").getCell(1).getStringCellValue()).isEqualTo(ORG_ID);
		assertThat(rowWith(s, 0, "Run id").getCell(1).getStringCellValue()).isEqualTo(RUN_ID);
		assertThat(rowWith(s, 0, "Period").getCell(1).getStringCellValue()).isEqualTo(PERIOD);
		Cell asOf = rowWith(s, 0, "Evidence as of (UTC)").getCell(1);
		assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
		assertThat(asOf.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 9, 30, 23, 59, 59));
		assertThat(rowWith(s, 0, "PASS").getCell(1).getNumericCellValue()).isEqualTo(3.0);
		assertThat(rowWith(s, 0, "FAIL").getCell(1).getNumericCellValue()).isEqualTo(2.0);
		assertThat(rowWith(s, 0, "Evidence gaps").getCell(1).getNumericCellValue()).isEqualTo(1.0);
		assertThat(rowWith(s, 0, "Inspector findings (all statuses)").getCell(1).getNumericCellValue())
			.isEqualTo(FINDINGS);
	}

	@Test
	void frameworksSheetListsEveryRequirementInFileOrder() {
		Sheet fw = wb.getSheet("Frameworks");
		assertThat(header(fw)).containsExactly("Framework id", "Framework", "Version", "Requirement", "Name", "Status",
				"Controls");
		List<String> soc2 = new ArrayList<>();
		for (Row r : fw) {
			if (r.getRowNum() > 0 && r.getCell(0).getStringCellValue().equals("soc2")) {
				soc2.add(r.getCell(3).getStringCellValue() + " " + r.getCell(5).getStringCellValue());
			}
		}
		assertThat(soc2).containsExactly("CC6.1 PASS", "CC6.2 FAIL", "CC6.3 MANUAL", "CC7.1 NO_EVIDENCE");
		Row iso = rowWith(fw, 3, "A.5.15");
		assertThat(iso.getCell(1).getStringCellValue()).isEqualTo("ISO/IEC 27001");
		assertThat(iso.getCell(4).getStringCellValue()).isEqualTo(REQUIREMENT_NAME);
		assertThat(rowWith(fw, 3, "A.8.5").getCell(6).getStringCellValue()).isEqualTo("IAM-1,access-keys-rotated");
		// statuses coloured like the other status columns
		assertThat(fw.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(4);
	}

	@Test
	void summaryHasPerFrameworkTotals() {
		Sheet s = wb.getSheet("Summary");
		Row header = rowWith(s, 0, "Requirements by framework");
		List<String> titles = new ArrayList<>();
		header.forEach(c -> titles.add(c.getStringCellValue()));
		assertThat(titles).containsExactly("Requirements by framework", "PASS", "FAIL", "MANUAL", "NOT_APPLICABLE",
				"NO_EVIDENCE", "Total");
		Row soc2 = rowWith(s, 0, "SOC 2 2017");
		List<Double> counts = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			assertThat(soc2.getCell(i).getCellType()).isEqualTo(CellType.NUMERIC);
			counts.add(soc2.getCell(i).getNumericCellValue());
		}
		assertThat(counts).containsExactly(1.0, 1.0, 1.0, 0.0, 1.0, 4.0);
		Row iso = rowWith(s, 0, "ISO/IEC 27001 2022");
		assertThat(iso.getCell(1).getNumericCellValue()).isEqualTo(2.0);
		assertThat(iso.getCell(6).getNumericCellValue()).isEqualTo(3.0);
	}

	@Test
	void artifactReportsSayWhetherTheyCoverThePeriod() {
		Sheet art = wb.getSheet("Artifact reports");
		int covers = header(art).indexOf("Covers period");
		assertThat(covers).isPositive();
		assertThat(rowWith(art, 0, "report-iso").getCell(covers).getStringCellValue()).isEqualTo("yes");
		assertThat(rowWith(art, 0, "report-soc2").getCell(covers).getStringCellValue()).isEqualTo("no");
		assertThat(DateUtil.isCellDateFormatted(rowWith(art, 0, "report-iso").getCell(covers - 1))).isTrue();
	}

	@Test
	void findingsContinueOnFurtherSheetsWhenASheetIsFull(@TempDir Path other) throws IOException {
		Path xlsx = other.resolve("w.xlsx");
		new WorkbookRenderer(store.jdbc, TemplateSource.bundled(), CLOCK, 1_000).render(RUN_ID, xlsx);
		try (XSSFWorkbook small = new XSSFWorkbook(Files.newInputStream(xlsx))) {
			assertThat(sheetNames(small)).containsSubsequence("Findings", "Findings (2)", "Findings (3)",
					"Organization");
			assertThat(small.getSheet("Findings").getLastRowNum()).isEqualTo(1_000);
			assertThat(small.getSheet("Findings (2)").getLastRowNum()).isEqualTo(1_000);
			assertThat(small.getSheet("Findings (3)").getLastRowNum()).isEqualTo(500);
			assertThat(header(small.getSheet("Findings (3)"))).isEqualTo(header(small.getSheet("Findings")));
		}
		try (var files = Files.list(other)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("w.xlsx");
		}
	}

	@Test
	void aTemplatesDirRenamesSheetsAndRejectsUnknownColumns(@TempDir Path templates, @TempDir Path other)
			throws IOException {
		Path excel = Files.createDirectories(templates.resolve("excel"));
		String yaml = new String(TemplateSource.bundled().bytes("excel/workbook.yaml"),
				java.nio.charset.StandardCharsets.UTF_8);
		Files.writeString(excel.resolve("workbook.yaml"), yaml.replace("name: Findings", "name: Befunde"));
		Path xlsx = other.resolve("w.xlsx");
		new WorkbookRenderer(store.jdbc, TemplateSource.overriddenBy(templates)).render(RUN_ID, xlsx);
		try (XSSFWorkbook renamed = new XSSFWorkbook(Files.newInputStream(xlsx))) {
			assertThat(sheetNames(renamed)).contains("Befunde").doesNotContain("Findings");
		}

		Files.writeString(excel.resolve("workbook.yaml"), yaml.replace("key: vulnerability_id", "key: no_such_column"));
		assertThatThrownBy(() -> new WorkbookRenderer(store.jdbc, TemplateSource.overriddenBy(templates)).render(RUN_ID,
				other.resolve("bad.xlsx")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no_such_column");
	}

	@Test
	void unknownRunFailsClearly(@TempDir Path other) {
		assertThatThrownBy(() -> new WorkbookRenderer(store.jdbc, TemplateSource.bundled()).render("no-such-run",
				other.resolve("x.xlsx")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no-such-run");
	}

}
