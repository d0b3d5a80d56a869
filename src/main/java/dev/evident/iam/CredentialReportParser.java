package dev.evident.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the CSV of an IAM credential report. The header must name every AWS column;
 * columns AWS may add later are ignored. A cell that does not fit its column's type is an
 * error that names the line and the column.
 */
public final class CredentialReportParser {

	private CredentialReportParser() {
	}

	public static List<CredentialReportRow> parse(String accountId, String csv) {
		try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
			String header = reader.readLine();
			if (header == null) {
				throw new IllegalArgumentException("credential report of " + accountId + " is empty");
			}
			List<String> names = List.of(header.split(",", -1));
			int[] index = new int[CredentialColumn.values().length];
			for (CredentialColumn c : CredentialColumn.values()) {
				index[c.ordinal()] = names.indexOf(c.header());
				if (index[c.ordinal()] < 0) {
					throw new IllegalArgumentException(
							"credential report of " + accountId + " lacks the column " + c.header());
				}
			}
			List<CredentialReportRow> rows = new ArrayList<>();
			String line;
			int lineNo = 1;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split(",", -1);
				if (cells.length < names.size()) {
					throw new IllegalArgumentException("credential report of " + accountId + ", line " + lineNo
							+ ": expected " + names.size() + " cells, found " + cells.length);
				}
				Map<CredentialColumn, CredentialValue> values = new EnumMap<>(CredentialColumn.class);
				for (CredentialColumn c : CredentialColumn.values()) {
					try {
						values.put(c, CredentialValue.parse(c, cells[index[c.ordinal()]]));
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException(
								"credential report of " + accountId + ", line " + lineNo + ", " + ex.getMessage());
					}
				}
				rows.add(new CredentialReportRow(accountId, values));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
