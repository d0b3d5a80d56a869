package dev.evident.inspector;

import dev.evident.evidence.FindingRow;
import java.util.List;

/**
 * Rows parsed from a findings report (the report itself is kept raw by the reader as it
 * streams).
 */
public record ExportedFindings(String region, List<FindingRow> rows) implements FindingsItem {

	public ExportedFindings {
		rows = List.copyOf(rows);
	}

}
