package dev.evident.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The floors of Evident's stages: minimal programs doing the same I/O with the same
 * libraries and nothing else, on the inputs of a real run (its raw findings files and
 * rows like its stored findings). Each returns the seconds spent in the library,
 * excluding the reading of the inputs from disk.
 */
final class Floors {

	/** The columns of {@code ev_finding}, in table order. */
	static final String FINDING_COLUMNS = "run_id, finding_arn, account_id, region, severity, status, type, title, "
			+ "vulnerability_id, resource_type, resource_id, inspector_score, fix_available, exploit_available, "
			+ "first_observed_at, last_observed_at, updated_at";

	private static final int BATCH = 1000;

	private static final int EXCEL_MAX_DATA_ROWS = 1_048_575;

	private Floors() {
	}

	/**
	 * Streaming-parses each file with Jackson from an input stream, as the tool reads its
	 * input, touching every string.
	 */
	static double parse(List<Path> files) throws IOException {
		JsonFactory factory = new JsonFactory();
		long nanos = 0;
		long strings = 0;
		for (Path file : files) {
			long start = System.nanoTime();
			try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
				JsonToken t;
				while ((t = p.nextToken()) != null) {
					if (t == JsonToken.VALUE_STRING) {
						strings += p.getTextLength();
					}
				}
			}
			nanos += System.nanoTime() - start;
		}
		if (strings == 0 && !files.isEmpty()) {
			throw new IllegalStateException("no strings parsed");
		}
		return nanos / 1e9;
	}

	/** SHA-256 of each file's bytes. */
	static double sha256(List<Path> files) throws Exception {
		long nanos = 0;
		byte[] buffer = new byte[1 << 16];
		for (Path file : files) {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			try (InputStream in = Files.newInputStream(file)) {
				int n;
				while ((n = in.read(buffer)) > 0) {
					long start = System.nanoTime();
					sha.update(buffer, 0, n);
					nanos += System.nanoTime() - start;
				}
			}
			sha.digest();
		}
		return nanos / 1e9;
	}

	/**
	 * Batch-inserts the run's own stored rows ({@code n} of them, each the 17 columns of
	 * ev_finding), read in the order the run stored them, into a new H2 file database
	 * with the same table and index, committing every 1,000 rows. Only the inserts are
	 * timed, not the reading of the rows.
	 */
	static double h2(Path dir, RunInputs.StoredRows rows, long n) throws Exception {
		Files.createDirectories(dir);
		String url = "jdbc:h2:file:" + dir.resolve("floor-" + System.nanoTime()).toAbsolutePath();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			try (Statement s = c.createStatement()) {
				s.execute("""
						CREATE TABLE ev_finding (run_id VARCHAR(64) NOT NULL, finding_arn VARCHAR(512) NOT NULL,
						account_id VARCHAR(12) NOT NULL, region VARCHAR(32) NOT NULL, severity VARCHAR(16) NOT NULL,
						status VARCHAR(16) NOT NULL, type VARCHAR(32) NOT NULL, title VARCHAR(4000),
						vulnerability_id VARCHAR(256), resource_type VARCHAR(64), resource_id VARCHAR(2048),
						inspector_score DOUBLE PRECISION, fix_available VARCHAR(16), exploit_available VARCHAR(16),
						first_observed_at TIMESTAMP WITH TIME ZONE NOT NULL, last_observed_at TIMESTAMP WITH TIME ZONE,
						updated_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (run_id, finding_arn))""");
				s.execute(
						"CREATE INDEX ev_finding_account ON ev_finding (run_id, account_id, status, severity, first_observed_at)");
			}
			c.setAutoCommit(false);
			long nanos = 0;
			long inserted = 0;
			try (PreparedStatement ps = c.prepareStatement(
					"INSERT INTO ev_finding (" + FINDING_COLUMNS + ") VALUES (?" + ", ?".repeat(16) + ")")) {
				List<Object[]> batch;
				while (!(batch = rows.next(BATCH)).isEmpty()) {
					long start = System.nanoTime();
					for (Object[] row : batch) {
						for (int col = 0; col < row.length; col++) {
							ps.setObject(col + 1, row[col]);
						}
						ps.addBatch();
					}
					ps.executeBatch();
					c.commit();
					nanos += System.nanoTime() - start;
					inserted += batch.size();
				}
			}
			if (inserted != n) {
				throw new IllegalStateException("H2 floor: " + inserted + " rows read back, " + n + " stored");
			}
			try (Statement s = c.createStatement()) {
				s.execute("DROP ALL OBJECTS DELETE FILES");
			}
			return nanos / 1e9;
		}
	}

	/**
	 * Writes {@code n} rows of the sample's cells (the workbook's finding columns) with
	 * POI SXSSF, compressed temporary files and one date style, to a file.
	 */
	static double sxssf(Path file, List<Object[]> sample, long n, int window) throws IOException {
		long start = System.nanoTime();
		try (SXSSFWorkbook wb = new SXSSFWorkbook(null, window, true, false)) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
			var sheet = wb.createSheet("Findings");
			sheet.createRow(0).createCell(0).setCellValue("header");
			for (long i = 0; i < n; i++) {
				Object[] values = sample.get((int) (i % sample.size()));
				if (i > 0 && i % EXCEL_MAX_DATA_ROWS == 0) {
					// a sheet holds at most 1,048,576 rows: the rest goes on the next
					sheet = wb.createSheet("Findings " + (i / EXCEL_MAX_DATA_ROWS + 1));
					sheet.createRow(0).createCell(0).setCellValue("header");
				}
				var row = sheet.createRow((int) (i % EXCEL_MAX_DATA_ROWS) + 1);
				for (int c = 0; c < values.length; c++) {
					Object v = values[c];
					var cell = row.createCell(c);
					if (v instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (v instanceof OffsetDateTime time) {
						cell.setCellValue(time.toLocalDateTime());
						cell.setCellStyle(date);
					}
					else if (v instanceof Timestamp time) {
						cell.setCellValue(time.toLocalDateTime());
						cell.setCellStyle(date);
					}
					else if (v != null) {
						cell.setCellValue(v.toString());
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				wb.write(out);
			}
			wb.dispose();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Files.deleteIfExists(file);
		return seconds;
	}

	/** Writes {@code rows} table rows, 40 a page, with PDFBox. */
	static double pdfbox(int rows) throws IOException {
		long start = System.nanoTime();
		try (PDDocument doc = new PDDocument(); OutputStream out = OutputStream.nullOutputStream()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			int i = 0;
			while (i < rows) {
				PDPage page = new PDPage();
				doc.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					content.beginText();
					content.setFont(font, 8);
					content.setLeading(17);
					content.newLineAtOffset(40, 760);
					for (int line = 0; line < 40 && i < rows; line++, i++) {
						content.showText("arn:aws:inspector2:us-east-1:123456789012:finding/" + i + "  HIGH  ACTIVE");
						content.newLine();
					}
					content.endText();
				}
			}
			doc.save(out);
		}
		return (System.nanoTime() - start) / 1e9;
	}

}
