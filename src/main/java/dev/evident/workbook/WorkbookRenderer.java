package dev.evident.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.HashingOutputStream;
import dev.evident.templates.TemplateSource;

/**
 * Renders {@code evidence-workbook.xlsx}: the complete evidence of a run as filterable
 * tables.
 *
 * <p>
 * Memory stays flat whatever the size of the organization: every sheet is streamed from a
 * JDBC cursor (fetch size, no lists) into an {@link SXSSFWorkbook} that keeps only a
 * window of rows in memory and spills the rest to compressed temporary files. Sheet
 * names, headers and widths come from {@code report-templates/excel/workbook.yaml}.
 */
@Component
public class WorkbookRenderer {

	private static final Logger log = LoggerFactory.getLogger(WorkbookRenderer.class);
	static final int FETCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	private final TemplateSource templates;

	private final Clock clock;

	private final int maxDataRowsPerSheet;

	@Autowired
	public WorkbookRenderer(JdbcTemplate jdbc, TemplateSource templates) {
		this(jdbc, templates, Clock.systemUTC(), SheetWriter.EXCEL_MAX_DATA_ROWS);
	}

	/**
	 * For tests: a fixed clock and a small sheet size to exercise the "Findings (2)"
	 * continuation.
	 */
	WorkbookRenderer(JdbcTemplate jdbc, TemplateSource templates, Clock clock, int maxDataRowsPerSheet) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.clock = clock;
		this.maxDataRowsPerSheet = Math.min(Math.max(1, maxDataRowsPerSheet), SheetWriter.EXCEL_MAX_DATA_ROWS);
	}

	/**
	 * Writes the workbook of a run to {@code target}, hashing it on the way.
	 * @return the file's SHA-256 and size
	 */
	public EvidenceFiles.Written render(String runId, Path target) {
		long started = System.nanoTime();
		WorkbookLayout layout = WorkbookLayout.load(templates);
		validate(layout);
		Path tmp = target.resolveSibling(target.getFileName() + ".part");
		SXSSFWorkbook wb = new SXSSFWorkbook(null, layout.window(), true, false);
		EvidenceFiles.Written written;
		try {
			Styles styles = new Styles(wb, layout);
			Map<String, Long> rowCounts = jdbc
				.execute((ConnectionCallback<Map<String, Long>>) con -> writeAll(con, runId, wb, styles, layout));
			log.info("workbook for run {}: {}", runId, rowCounts);
			try (HashingOutputStream out = HashingOutputStream.toFile(tmp)) {
				wb.write(out);
				out.flush();
				written = new EvidenceFiles.Written(target.getFileName().toString(), out.sha256(), out.count());
			}
			moveIntoPlace(tmp, target);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write workbook " + target, e);
		}
		finally {
			try {
				wb.close(); // also deletes SXSSF's temporary files
			}
			catch (IOException e) {
				log.warn("could not close workbook", e);
			}
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// best effort
			}
		}
		log.info("workbook for run {} written to {} in {} ms", runId, target.getFileName(),
				(System.nanoTime() - started) / 1_000_000);
		return written;
	}

	private Map<String, Long> writeAll(Connection con, String runId, SXSSFWorkbook wb, Styles styles,
			WorkbookLayout layout) throws SQLException {
		// PostgreSQL streams with a cursor only outside auto-commit; inside a caller's
		// transaction
		// (a Batch step) the connection is already there and is left as it is.
		boolean autoCommit = con.getAutoCommit();
		if (autoCommit) {
			con.setAutoCommit(false);
		}
		try {
			Map<String, Long> counts = new LinkedHashMap<>();
			SummarySheet summary = SummarySheet.read(con, runId, clock);
			String period = (String) summary.facts().get("period");
			Sheet summarySheet = wb.createSheet(SheetWriter.validSheetName(layout.summary().name()));
			SheetWriter.printLandscapeFitToWidth(summarySheet);
			for (WorkbookTables.Table table : WorkbookTables.TABLES) {
				WorkbookLayout.SheetLayout sl = layout.sheets().get(table.key());
				if (sl == null) {
					continue; // a sheet left out of workbook.yaml is not written
				}
				counts.put(table.key(), writeTable(con, runId, period, wb, styles, table, sl));
			}
			summary.write(summarySheet, styles, layout.summary());
			return counts;
		}
		finally {
			if (autoCommit) {
				con.rollback(); // read-only work
				con.setAutoCommit(true);
			}
		}
	}

	private long writeTable(Connection con, String runId, String period, SXSSFWorkbook wb, Styles styles,
			WorkbookTables.Table table, WorkbookLayout.SheetLayout sl) throws SQLException {
		List<SheetWriter.Column> columns = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (WorkbookLayout.ColumnLayout c : sl.columns()) {
			keys.add(c.key());
			columns.add(new SheetWriter.Column(c.header() == null ? c.key() : c.header(), c.widthOrDefault(),
					table.kinds().get(c.key())));
		}
		SheetWriter out = new SheetWriter(wb, styles, sl.name(), columns, maxDataRowsPerSheet);
		try (PreparedStatement ps = con.prepareStatement(table.sql(), ResultSet.TYPE_FORWARD_ONLY,
				ResultSet.CONCUR_READ_ONLY)) {
			ps.setFetchSize(FETCH_SIZE);
			ps.setString(1, runId);
			try (ResultSet rs = ps.executeQuery()) {
				int[] index = new int[keys.size()];
				WorkbookTables.Derived[] derived = new WorkbookTables.Derived[keys.size()];
				for (int i = 0; i < keys.size(); i++) {
					derived[i] = table.derived().get(keys.get(i));
					index[i] = derived[i] == null ? rs.findColumn(keys.get(i)) : -1;
				}
				while (rs.next()) {
					out.row();
					for (int i = 0; i < index.length; i++) {
						out.cell(i, derived[i] != null ? derived[i].value(rs, period)
								: value(rs, index[i], columns.get(i).kind()));
					}
				}
			}
		}
		out.finish();
		return out.rows();
	}

	private static Object value(ResultSet rs, int column, CellKind kind) throws SQLException {
		Object v = switch (kind) {
			case TEXT, STATUS, ISO_TEXT -> rs.getString(column);
			case INSTANT -> rs.getObject(column, OffsetDateTime.class);
			case INTEGER -> rs.getLong(column);
			case DECIMAL -> rs.getDouble(column);
			case BOOLEAN -> rs.getBoolean(column);
		};
		return rs.wasNull() ? null : v;
	}

	/**
	 * Fails fast, before any query, on a workbook.yaml that names unknown columns or bad
	 * sheet names.
	 */
	private static void validate(WorkbookLayout layout) {
		Set<String> names = new HashSet<>();
		names.add(SheetWriter.validSheetName(layout.summary().name()).toLowerCase());
		for (Map.Entry<String, WorkbookLayout.SheetLayout> e : layout.sheets().entrySet()) {
			WorkbookTables.Table table = WorkbookTables.TABLES.stream()
				.filter(t -> t.key().equals(e.getKey()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(WorkbookLayout.FILE + ": unknown sheet '" + e.getKey()
						+ "'; known: " + WorkbookTables.TABLES.stream().map(WorkbookTables.Table::key).toList()));
			WorkbookLayout.SheetLayout sl = e.getValue();
			if (sl.name() == null || !names.add(SheetWriter.validSheetName(sl.name()).toLowerCase())) {
				throw new IllegalArgumentException(WorkbookLayout.FILE + ": sheet '" + e.getKey()
						+ "' needs a name distinct from the other sheets");
			}
			if (sl.columns().isEmpty()) {
				throw new IllegalArgumentException(WorkbookLayout.FILE + ": sheet '" + e.getKey() + "' has no columns");
			}
			for (WorkbookLayout.ColumnLayout c : sl.columns()) {
				if (!table.kinds().containsKey(c.key())) {
					throw new IllegalArgumentException(WorkbookLayout.FILE + ": sheet '" + e.getKey()
							+ "' has unknown column '" + c.key() + "'; known: " + table.kinds().keySet());
				}
			}
		}
	}

	private static void moveIntoPlace(Path tmp, Path target) throws IOException {
		try {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
