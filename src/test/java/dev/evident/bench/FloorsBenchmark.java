package dev.evident.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The floors of Evident's stages (not part of the default test run): minimal programs
 * doing the same I/O with the same libraries and nothing else, for {@value #N} findings
 * of about 2 KB each — parse the findings JSON with Jackson's streaming parser,
 * batch-insert the rows into H2 (batch 1000), write 12 columns with POI SXSSF, write
 * table rows with PDFBox, SHA-256 the bytes. Run with {@code ./mvnw -B -Pbench verify};
 * the table goes to target/benchmark/floors.md.
 */
@Tag("benchmark")
class FloorsBenchmark {

	static final int N = Integer.getInteger("bench.floors.n", 100_000);

	static final int REPEATS = 3;

	@Test
	void floors() throws Exception {
		byte[] json = findingsJson(N);
		List<String> rows = new ArrayList<>();
		rows.add(row("Jackson streaming parse", json.length, median(() -> parse(json))));
		rows.add(row("H2 JDBC batch insert (1000)", N, median(() -> insert(N))));
		rows.add(row("POI SXSSF, 12 columns", N, median(() -> sxssf(N))));
		rows.add(row("PDFBox table rows (40 a page)", N / 10, median(() -> pdf(N / 10))));
		rows.add(row("SHA-256", json.length, median(() -> sha(json))));
		String table = "| floor | N | median | per second |\n|---|---|---|---|\n" + String.join("\n", rows) + "\n\nN = "
				+ N + " findings (" + json.length / 1024 / 1024 + " MiB of JSON); medians of " + REPEATS + " runs.\n";
		System.out.println(table);
		Path report = Path.of("target/benchmark/floors.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table);
	}

	private static String row(String name, long n, double seconds) {
		return String.format(Locale.ROOT, "| %s | %,d | %.2f s | %,.0f |", name, n, seconds, n / seconds);
	}

	private interface Run {

		void run() throws Exception;

	}

	private static double median(Run run) throws Exception {
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < REPEATS; i++) {
			long start = System.nanoTime();
			run.run();
			times.add((System.nanoTime() - start) / 1e9);
		}
		Collections.sort(times);
		return times.get(REPEATS / 2);
	}

	/** N findings as ListFindings-shaped JSON, about 2 KB each. */
	private static byte[] findingsJson(int n) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream(n * 2200);
		try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
			g.writeStartObject();
			g.writeArrayFieldStart("findings");
			String description = "x".repeat(1200);
			for (int i = 0; i < n; i++) {
				g.writeStartObject();
				g.writeStringField("findingArn", "arn:aws:inspector2:us-east-1:123456789012:finding/" + i);
				g.writeStringField("awsAccountId", "123456789012");
				g.writeStringField("severity", "HIGH");
				g.writeStringField("status", "ACTIVE");
				g.writeStringField("title", "CVE-2024-" + i + " - openssl");
				g.writeStringField("description", description);
				g.writeNumberField("firstObservedAt", 1.7e9 + i);
				g.writeNumberField("inspectorScore", 7.5);
				g.writeArrayFieldStart("resources");
				g.writeStartObject();
				g.writeStringField("type", "AWS_EC2_INSTANCE");
				g.writeStringField("id", "i-" + Integer.toHexString(i));
				g.writeEndObject();
				g.writeEndArray();
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeEndObject();
		}
		return out.toByteArray();
	}

	private static void parse(byte[] json) throws Exception {
		long strings = 0;
		try (JsonParser p = new JsonFactory().createParser(json)) {
			JsonToken t;
			while ((t = p.nextToken()) != null) {
				if (t == JsonToken.VALUE_STRING) {
					strings += p.getText().length();
				}
			}
		}
		if (strings == 0) {
			throw new IllegalStateException();
		}
	}

	private static void insert(int n) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:h2:mem:floor" + System.nanoTime(), "sa", "")) {
			c.createStatement()
				.execute("CREATE TABLE f (run_id VARCHAR(64), finding_arn VARCHAR(512), account_id VARCHAR(12), "
						+ "severity VARCHAR(16), status VARCHAR(16), title VARCHAR(4000), score DOUBLE PRECISION, "
						+ "PRIMARY KEY (run_id, finding_arn))");
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO f VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				for (int i = 0; i < n; i++) {
					ps.setString(1, "run");
					ps.setString(2, "arn:aws:inspector2:us-east-1:123456789012:finding/" + i);
					ps.setString(3, "123456789012");
					ps.setString(4, "HIGH");
					ps.setString(5, "ACTIVE");
					ps.setString(6, "CVE-2024-" + i + " - openssl");
					ps.setDouble(7, 7.5);
					ps.addBatch();
					if (i % 1000 == 999) {
						ps.executeBatch();
						c.commit();
					}
				}
				ps.executeBatch();
				c.commit();
			}
		}
	}

	private static void sxssf(int n) throws Exception {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = OutputStream.nullOutputStream()) {
			var sheet = wb.createSheet("Findings");
			for (int i = 0; i < n; i++) {
				var row = sheet.createRow(i);
				for (int c = 0; c < 12; c++) {
					if (c % 3 == 0) {
						row.createCell(c).setCellValue(i + c);
					}
					else {
						row.createCell(c).setCellValue("value " + i + "/" + c);
					}
				}
			}
			wb.write(out);
			wb.close();
		}
	}

	private static void pdf(int n) throws Exception {
		try (PDDocument doc = new PDDocument(); OutputStream out = OutputStream.nullOutputStream()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			int i = 0;
			while (i < n) {
				PDPage page = new PDPage();
				doc.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					content.beginText();
					content.setFont(font, 8);
					content.setLeading(17);
					content.newLineAtOffset(40, 760);
					for (int line = 0; line < 40 && i < n; line++, i++) {
						content.showText("arn:aws:inspector2:us-east-1:123456789012:finding/" + i + "  HIGH  ACTIVE");
						content.newLine();
					}
					content.endText();
				}
			}
			doc.save(out);
		}
	}

	private static void sha(byte[] bytes) throws Exception {
		MessageDigest.getInstance("SHA-256").digest(bytes);
	}

}
