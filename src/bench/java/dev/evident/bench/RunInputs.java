package dev.evident.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.evident.job.RunLauncher.Outcome;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.util.FileSystemUtils;

/**
 * The inputs of a run that its floors are measured on (its stored rows, its raw findings,
 * its files), and the clean-up after them.
 */
final class RunInputs {

	private RunInputs() {
	}

	/** Up to 1,000 of the run's stored findings, the 17 columns of ev_finding. */
	static List<Object[]> sample(JdbcTemplate jdbc, String runId) {
		return jdbc.query("SELECT " + Floors.FINDING_COLUMNS
				+ " FROM ev_finding WHERE run_id = ? ORDER BY finding_arn LIMIT 1000", (rs, i) -> {
					Object[] row = new Object[17];
					for (int c = 0; c < 17; c++) {
						row[c] = rs.getObject(c + 1);
					}
					return row;
				}, runId);
	}

	/** Rows read a batch at a time; an empty batch at the end. */
	interface StoredRows {

		List<Object[]> next(int max);

	}

	/**
	 * The run's stored findings (the 17 columns of ev_finding), in the order the run
	 * stored them: on H2 by row id (the table's rows are its own, earlier runs' deleted),
	 * elsewhere by finding ARN. Read a batch at a time, never all at once.
	 */
	static StoredRows stored(JdbcTemplate jdbc, String runId) {
		boolean h2 = "H2"
			.equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
		return new StoredRows() {

			private Object last = h2 ? Long.valueOf(0) : "";

			@Override
			public List<Object[]> next(int max) {
				List<Object[]> rows = new ArrayList<>(max);
				while (rows.isEmpty()) {
					List<Object[]> page = h2
							? jdbc.query(
									"SELECT _ROWID_, " + Floors.FINDING_COLUMNS
											+ " FROM ev_finding WHERE _ROWID_ > ? ORDER BY _ROWID_ LIMIT " + max,
									STORED, last)
							: jdbc.query("SELECT finding_arn, " + Floors.FINDING_COLUMNS
									+ " FROM ev_finding WHERE run_id = ? AND finding_arn > ? ORDER BY finding_arn LIMIT "
									+ max, STORED, runId, last);
					if (page.isEmpty()) {
						return rows;
					}
					last = page.get(page.size() - 1)[0];
					page.stream()
						.filter(r -> runId.equals(r[1]))
						.map(r -> Arrays.copyOfRange(r, 1, r.length))
						.forEach(rows::add);
				}
				return rows;
			}

		};
	}

	private static final RowMapper<Object[]> STORED = (rs, i) -> {
		Object[] row = new Object[18];
		for (int c = 0; c < 18; c++) {
			row[c] = rs.getObject(c + 1);
		}
		return row;
	};

	/**
	 * A stored row as the workbook's findings columns (without run_id), in their order.
	 */
	static Object[] sheetRow(Object[] t) {
		return new Object[] { t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15],
				t[16], t[1] };
	}

	/** The raw findings as received: ListFindings pages or the findings report. */
	static List<Path> rawFindings(Path pkg) throws IOException {
		try (Stream<Path> walk = Files.walk(pkg)) {
			return walk.filter(Files::isRegularFile)
				.filter(p -> p.toString().contains("inspector2"))
				.filter(p -> p.getFileName().toString().startsWith("ListFindings")
						|| p.getFileName().toString().startsWith("findings-report"))
				.sorted()
				.toList();
		}
	}

	/** Every file of the package. */
	static List<Path> files(Path pkg) throws IOException {
		try (Stream<Path> walk = Files.walk(pkg)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/** Deletes the run's findings rows, package and bundle. */
	static void cleanUp(JdbcTemplate jdbc, Outcome outcome) throws IOException {
		jdbc.update("DELETE FROM ev_finding WHERE run_id = ?", outcome.runId());
		if (outcome.layout().isPresent()) {
			FileSystemUtils.deleteRecursively(outcome.layout().get().packageDir());
			Files.deleteIfExists(outcome.layout().get().bundle());
		}
	}

}
