package dev.evident.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.EvidentApplication;
import dev.evident.run.ExitCode;
import dev.evident.support.PackageFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compliance team rebrands the report without Java: a folder holding only the files it
 * changed, given to {@code demo} and {@code render} with {@code --templates}.
 */
class RebrandedTemplatesIT {

	@TempDir
	Path tmp;

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@BeforeEach
	void store() {
		System.setProperty("spring.datasource.url", "jdbc:h2:mem:rebranded;DB_CLOSE_DELAY=-1");
	}

	@AfterEach
	void clear() {
		System.clearProperty("spring.datasource.url");
	}

	@Test
	void aRebrandedRunAndARebrandedRenderUseTheTeamsWordingAndTheBuiltInRest() throws Exception {
		// given: a new report title and a renamed Gaps sheet, nothing else
		Path acme = brand("acme", "Acme Corp audit evidence", "Missing evidence");

		// when
		int code = EvidentApplication.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
				"--templates", acme.toString(), "--out", tmp.resolve("out").toString());

		// then: the PDF and the workbook say what the team wrote, and the package is
		// sealed
		assertThat(code).as(err.toString()).isEqualTo(ExitCode.GAPS);
		Path pkg = packageDir();
		assertThat(pdfText(pkg)).contains("Acme Corp audit evidence")
			.doesNotContain("Compliance evidence report")
			.contains("Root user protected by MFA");
		assertThat(sheetNames(pkg)).contains("Missing evidence", "Findings").doesNotContain("Gaps");
		assertSealed(pkg);

		// when: the same run rendered again with another brand
		Path globex = brand("globex", "Globex evidence for the auditors", "Gaps");
		out.getBuffer().setLength(0);
		code = EvidentApplication.execute(new PrintWriter(out, true), new PrintWriter(err, true), "render", "--run",
				pkg.getFileName().toString(), "--templates", globex.toString());

		// then
		assertThat(code).as(err.toString()).isEqualTo(ExitCode.GAPS);
		Path rendered = packageDir();
		assertThat(pdfText(rendered)).contains("Globex evidence for the auditors").doesNotContain("Acme Corp");
		assertThat(sheetNames(rendered)).contains("Gaps").doesNotContain("Missing evidence");
		assertSealed(rendered);
	}

	@Test
	void theOptionWinsOverATeamWideSetting() throws Exception {
		// given: the team's brand set for every run (EVIDENT_TEMPLATES_DIR, or here the
		// system property, which ranks above the environment)
		Path team = brand("team", "Team-wide evidence", "Gaps");
		Path acme = brand("acme", "Acme Corp audit evidence", "Gaps");
		System.setProperty("evident.templates-dir", team.toString());
		try {
			// when: one run names its own
			int code = EvidentApplication.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
					"--templates", acme.toString(), "--out", tmp.resolve("out").toString());

			// then
			assertThat(code).as(err.toString()).isEqualTo(ExitCode.GAPS);
			assertThat(pdfText(packageDir())).contains("Acme Corp audit evidence").doesNotContain("Team-wide");
		}
		finally {
			System.clearProperty("evident.templates-dir");
		}
	}

	@Test
	void aTemplatesFolderThatIsNotAFolderIsAUsageError() {
		int code = EvidentApplication.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
				"--templates", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("out").toString());

		assertThat(code).isEqualTo(ExitCode.USAGE);
		assertThat(err.toString()).startsWith("evident: --templates ").contains("is not a folder");
		assertThat(tmp.resolve("out")).isEmptyDirectory();
	}

	/**
	 * A templates folder with the bundled wording and workbook layout, two texts changed.
	 */
	private Path brand(String name, String title, String gapsSheet) throws Exception {
		Path dir = tmp.resolve(name);
		Files.createDirectories(dir.resolve("pdf"));
		Files.createDirectories(dir.resolve("excel"));
		String messages = bundled("pdf/messages.properties");
		assertThat(messages).contains("report.title=Compliance evidence report\n");
		Files.writeString(dir.resolve("pdf/messages.properties"),
				messages.replace("report.title=Compliance evidence report\n", "report.title=" + title + "\n"));
		String workbook = bundled("excel/workbook.yaml");
		assertThat(workbook).contains("    name: Gaps\n");
		Files.writeString(dir.resolve("excel/workbook.yaml"),
				workbook.replace("    name: Gaps\n", "    name: " + gapsSheet + "\n"));
		return dir;
	}

	private static String bundled(String file) throws Exception {
		try (InputStream in = RebrandedTemplatesIT.class.getResourceAsStream("/report-templates/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private Path packageDir() {
		Matcher m = Pattern.compile("Evidence package: (.+)").matcher(out.toString());
		assertThat(m.find()).as(out.toString()).isTrue();
		return Path.of(m.group(1).trim());
	}

	private static String pdfText(Path pkg) throws Exception {
		try (PDDocument pdf = Loader.loadPDF(pkg.resolve("evidence-report.pdf").toFile())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	private static List<String> sheetNames(Path pkg) throws Exception {
		try (Workbook workbook = WorkbookFactory.create(pkg.resolve("evidence-workbook.xlsx").toFile(), null, true)) {
			List<String> names = new ArrayList<>();
			workbook.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
			return names;
		}
	}

	private static void assertSealed(Path pkg) throws Exception {
		Map<String, String> sums = PackageFiles.sums(pkg);
		assertThat(sums).containsKeys("evidence-report.pdf", "evidence-workbook.xlsx", "manifest.json");
		for (var entry : sums.entrySet()) {
			assertThat(PackageFiles.sha256(pkg.resolve(entry.getKey()))).as(entry.getKey()).isEqualTo(entry.getValue());
		}
	}

}
