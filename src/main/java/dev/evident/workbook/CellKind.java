package dev.evident.workbook;

/** How a store column becomes an Excel cell. */
enum CellKind {

	/** Plain text; formula-looking text is stored as text with a quote prefix. */
	TEXT,
	/** A control status: text, coloured by conditional formatting. */
	STATUS,
	/** {@code TIMESTAMP WITH TIME ZONE}: an Excel date (UTC). */
	INSTANT,
	/**
	 * Canonical text that may hold an ISO-8601 instant (credential report): a date when
	 * it parses, else text.
	 */
	ISO_TEXT, INTEGER, DECIMAL, BOOLEAN

}
