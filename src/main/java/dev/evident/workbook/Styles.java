package dev.evident.workbook;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * All cell styles of the workbook, created once per workbook (Excel limits a workbook to
 * 64,000 styles, so never one per cell) and referenced by {@link Key}. Status colours are
 * not styles but conditional formatting rules over whole column ranges, see
 * {@link #colorStatuses}.
 */
final class Styles {

	enum Key {

		HEADER, TITLE, LABEL, TEXT,
		/**
		 * Text that starts like a formula: Excel shows it as text even after the cell is
		 * edited.
		 */
		TEXT_QUOTED, DATE, INTEGER, DECIMAL, BOOLEAN

	}

	private final Map<Key, CellStyle> styles = new EnumMap<>(Key.class);

	private final WorkbookLayout layout;

	Styles(SXSSFWorkbook wb, WorkbookLayout layout) {
		this.layout = layout;
		var format = wb.createDataFormat();

		Font bold = wb.createFont();
		bold.setBold(true);
		Font white = wb.createFont();
		white.setBold(true);
		white.setColor(IndexedColors.WHITE.getIndex());
		Font big = wb.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);

		CellStyle header = wb.createCellStyle();
		header.setFont(white);
		header.setFillForegroundColor(IndexedColors.GREY_80_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setBorderBottom(BorderStyle.THIN);
		header.setVerticalAlignment(VerticalAlignment.CENTER);
		header.setWrapText(true);
		styles.put(Key.HEADER, header);

		CellStyle title = wb.createCellStyle();
		title.setFont(big);
		styles.put(Key.TITLE, title);

		CellStyle label = wb.createCellStyle();
		label.setFont(bold);
		styles.put(Key.LABEL, label);

		CellStyle text = wb.createCellStyle();
		text.setDataFormat(format.getFormat("@"));
		styles.put(Key.TEXT, text);

		CellStyle quoted = wb.createCellStyle();
		quoted.setDataFormat(format.getFormat("@"));
		quoted.setQuotePrefixed(true);
		styles.put(Key.TEXT_QUOTED, quoted);

		CellStyle date = wb.createCellStyle();
		date.setDataFormat(format.getFormat(layout.dateFormat()));
		styles.put(Key.DATE, date);

		CellStyle integer = wb.createCellStyle();
		integer.setDataFormat(format.getFormat(layout.integerFormat()));
		styles.put(Key.INTEGER, integer);

		CellStyle decimal = wb.createCellStyle();
		decimal.setDataFormat(format.getFormat(layout.decimalFormat()));
		styles.put(Key.DECIMAL, decimal);

		styles.put(Key.BOOLEAN, wb.createCellStyle());
	}

	CellStyle get(Key key) {
		return styles.get(key);
	}

	/**
	 * Colours the status cells of {@code column} in rows {@code firstRow..lastRow}
	 * (0-based) with one conditional formatting rule per status, applied to the whole
	 * range at once.
	 */
	void colorStatuses(Sheet sheet, int column, int firstRow, int lastRow) {
		if (lastRow < firstRow || layout.statusColors().isEmpty()) {
			return;
		}
		SheetConditionalFormatting scf = sheet.getSheetConditionalFormatting();
		CellRangeAddress[] range = { new CellRangeAddress(firstRow, lastRow, column, column) };
		layout.statusColors().forEach((status, color) -> {
			ConditionalFormattingRule rule = scf.createConditionalFormattingRule(ComparisonOperator.EQUAL,
					"\"" + status.replace("\"", "\"\"") + "\"");
			if (color.fill() != null) {
				PatternFormatting fill = rule.createPatternFormatting();
				fill.setFillBackgroundColor(rgb(color.fill()));
				fill.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
			}
			if (color.font() != null) {
				rule.createFontFormatting().setFontColor(rgb(color.font()));
			}
			scf.addConditionalFormatting(range, rule);
		});
	}

	private static XSSFColor rgb(String hex) {
		String h = hex.startsWith("#") ? hex.substring(1) : hex;
		int v = Integer.parseInt(h, 16);
		return new XSSFColor(new byte[] { (byte) (v >> 16), (byte) (v >> 8), (byte) v }, null);
	}

}
