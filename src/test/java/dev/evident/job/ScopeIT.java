package dev.evident.job;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --accounts and --ou limit which accounts are collected; the whole organization is still
 * listed.
 */
@DemoJobTest
class ScopeIT {

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	@Test
	void onlyTheAccountsUnderTheChosenOuAreCollected() throws Exception {
		Faults.of(DemoSimulator.get()).reset();

		Outcome outcome = launcher.launch(new RunParameters("scope-ou", Period.parse("2026-Q3"), DemoSimulator.AS_OF,
				Source.DEMO, out, null, null, List.of(), List.of("ou-ev1d-production1"), List.of("us-east-1"), 2));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).as("the denied account is out of scope: no gap").isZero();
		assertThat(jdbc.queryForList(
				"SELECT DISTINCT account_id FROM ev_credential_report_row WHERE run_id = ? " + "ORDER BY account_id",
				String.class, outcome.runId()))
			.containsExactly("444444444444", "555555555555");
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM ev_account WHERE run_id = ?", Integer.class, outcome.runId()))
			.isEqualTo(DemoSimulator.get().organization().accounts().size());
		assertThat(
				jdbc.queryForList("SELECT account_id FROM ev_account WHERE run_id = ? AND in_scope ORDER BY account_id",
						String.class, outcome.runId()))
			.containsExactly("444444444444", "555555555555");
	}

	@Test
	void onlyTheListedAccountsAreCollected() throws Exception {
		Faults.of(DemoSimulator.get()).reset();

		Outcome outcome = launcher
			.launch(new RunParameters("scope-accounts", Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO, out,
					null, null, List.of("222222222222"), List.of(), List.of("us-east-1"), 2));

		assertThat(jdbc.queryForList("SELECT DISTINCT account_id FROM ev_credential_report_row WHERE run_id = ?",
				String.class, outcome.runId()))
			.containsExactly("222222222222");
	}

}
