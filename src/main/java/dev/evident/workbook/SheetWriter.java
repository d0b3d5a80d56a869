package dev.evident.workbook;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one logical table (header + data rows) into one or more sheets: when a sheet is
 * full ({@link #maxDataRows} data rows, by default Excel's 1,048,575) the table continues
 * on "Name (2)", "Name (3)", ... each with the same header, widths, freeze pane,
 * autofilter and status colouring.
 *
 * <p>
 * Cells are only ever given values: no data reaches {@code setCellFormula}. SXSSF writes
 * strings as inline strings, and text starting with a formula trigger gets the
 * quote-prefixed style so Excel keeps it text even when a user edits the cell.
 */
final class SheetWriter {

	static final int EXCEL_MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
	static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private static final String TRUNCATED = " …[truncated]";

	private static final Set<Character> FORMULA_TRIGGERS = Set.of('=', '+', '-', '@', '\t', '\r');

	record Column(String header, int width, CellKind kind) {
	}

	private final SXSSFWorkbook wb;

	private final Styles styles;

	private final String baseName;

	private final List<Column> columns;

	private final int maxDataRows;

	private final List<String> sheetNames = new ArrayList<>();

	private Sheet sheet;

	private int rowInSheet; // data rows written to the current sheet

	private long rows; // data rows written in total

	private Row current;

	SheetWriter(SXSSFWorkbook wb, Styles styles, String name, List<Column> columns, int maxDataRows) {
		this.wb = wb;
		this.styles = styles;
		this.baseName = name;
		this.columns = columns;
		this.maxDataRows = maxDataRows;
		startSheet();
	}

	/** Starts a new data row; then call the {@code cell} methods in column order. */
	void row() {
		if (rowInSheet == maxDataRows) {
			finishSheet();
			startSheet();
		}
		current = sheet.createRow(++rowInSheet);
		rows++;
	}

	long rows() {
		return rows;
	}

	List<String> sheetNames() {
		return sheetNames;
	}

	/**
	 * Writes {@code value} into column {@code index} of the current row according to the
	 * column's kind.
	 */
	void cell(int index, Object value) {
		if (value == null) {
			return; // an empty cell, not an empty string
		}
		Column col = columns.get(index);
		Cell cell = current.createCell(index);
		switch (col.kind()) {
			case TEXT, STATUS -> text(cell, value.toString());
			case INSTANT -> date(cell, (OffsetDateTime) value);
			case ISO_TEXT -> {
				OffsetDateTime t = parseInstant(value.toString());
				if (t != null) {
					date(cell, t);
				}
				else {
					text(cell, value.toString());
				}
			}
			case INTEGER -> {
				cell.setCellValue(((Number) value).doubleValue());
				cell.setCellStyle(styles.get(Styles.Key.INTEGER));
			}
			case DECIMAL -> {
				cell.setCellValue(((Number) value).doubleValue());
				cell.setCellStyle(styles.get(Styles.Key.DECIMAL));
			}
			case BOOLEAN -> {
				cell.setCellValue((Boolean) value);
				cell.setCellStyle(styles.get(Styles.Key.BOOLEAN));
			}
		}
	}

	/** Closes the last sheet (autofilter, status colouring). */
	void finish() {
		finishSheet();
	}

	private void text(Cell cell, String s) {
		String v = s.length() > MAX_CELL_TEXT ? s.substring(0, MAX_CELL_TEXT - TRUNCATED.length()) + TRUNCATED : s;
		cell.setCellValue(v);
		cell.setCellStyle(styles.get(needsQuotePrefix(v) ? Styles.Key.TEXT_QUOTED : Styles.Key.TEXT));
	}

	static boolean needsQuotePrefix(String s) {
		return !s.isEmpty() && FORMULA_TRIGGERS.contains(s.charAt(0));
	}

	private void date(Cell cell, OffsetDateTime t) {
		LocalDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
		cell.setCellValue(utc);
		cell.setCellStyle(styles.get(Styles.Key.DATE));
	}

	static OffsetDateTime parseInstant(String s) {
		if (s.length() < 19 || s.length() > 40 || !Character.isDigit(s.charAt(0)) || s.charAt(10) != 'T') {
			return null;
		}
		try {
			return OffsetDateTime.parse(s);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private void startSheet() {
		int part = sheetNames.size() + 1;
		String name = part == 1 ? baseName : partName(baseName, part);
		sheet = wb.createSheet(name);
		sheetNames.add(name);
		rowInSheet = 0;
		Row header = sheet.createRow(0);
		for (int i = 0; i < columns.size(); i++) {
			Column c = columns.get(i);
			Cell cell = header.createCell(i);
			cell.setCellValue(c.header());
			cell.setCellStyle(styles.get(Styles.Key.HEADER));
			sheet.setColumnWidth(i, c.width() * 256);
		}
		sheet.createFreezePane(0, 1);
		printLandscapeFitToWidth(sheet);
		sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
	}

	/** Printed (or saved as PDF), a sheet is landscape and one page wide. */
	static void printLandscapeFitToWidth(Sheet sheet) {
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
	}

	private void finishSheet() {
		int lastCol = Math.max(columns.size() - 1, 0);
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rowInSheet, 1), 0, lastCol));
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).kind() == CellKind.STATUS) {
				styles.colorStatuses(sheet, i, 1, rowInSheet);
			}
		}
	}

	static String partName(String base, int part) {
		String suffix = " (" + part + ")";
		String b = base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base;
		return b + suffix;
	}

	static String validSheetName(String name) {
		WorkbookUtil.validateSheetName(name);
		return name;
	}

}
