package dev.evident.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.evident.job.RunLauncher.Outcome;

import org.springframework.jdbc.core.JdbcTemplate;
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
