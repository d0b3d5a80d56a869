package dev.evident.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The one SQL difference between H2 and PostgreSQL that the store needs: an upsert by
 * key.
 */
public enum SqlDialect {

	H2, POSTGRESQL;

	public static SqlDialect of(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("postgres")) {
				return POSTGRESQL;
			}
			if (product.contains("h2")) {
				return H2;
			}
			throw new IllegalStateException("unsupported database: " + product + " (use H2 or PostgreSQL)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the evidence store: " + ex.getMessage(), ex);
		}
	}

	/**
	 * An insert that replaces the row with the same key, with one placeholder per column.
	 */
	public String upsert(String table, List<String> keys, String... columns) {
		String cols = String.join(", ", columns);
		String marks = Arrays.stream(columns).map(c -> "?").collect(Collectors.joining(", "));
		if (this == H2) {
			return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks
					+ ")";
		}
		String updates = Arrays.stream(columns)
			.filter(c -> !keys.contains(c))
			.map(c -> c + " = EXCLUDED." + c)
			.collect(Collectors.joining(", "));
		return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + String.join(", ", keys)
				+ ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
	}

}
