package dev.evident.job;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.simulator.Simulator;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;
import dev.evident.support.TestRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails partway resumes with the same command, without repeating or
 * duplicating work.
 */
@DemoJobTest
class RestartIT {

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	Simulator simulator = DemoSimulator.get();

	@AfterEach
	void reset() {
		Faults.of(simulator).reset();
	}

	@Test
	void failedFindingsCrawlResumesWithTheSameCommandAndLeavesNoDuplicates() throws Exception {
		// given: Inspector answers HTTP 500 from the 13th ListFindings call on, after one
		// committed chunk of 10 pages
		Faults.of(simulator).reset();
		simulator.calls().reset();
		Faults.of(simulator).failOperation("inspector2:ListFindings", 12, 500);

		// when
		Outcome failed = launcher.launch(TestRuns.demo("restart-first", out));

		// then: the run failed in collectFindings, with pages committed before the
		// failure
		assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
		String run = failed.runId();
		long partial = count("ev_finding", run);
		assertThat(partial).isPositive().isLessThan(simulator.organization().findings().size());
		assertThat(Files.exists(failed.layout().orElseThrow().packageDir())).isFalse();
		long accountRows = count("ev_credential_report_row", run);

		// when: the fault is gone and the same command runs again (a new run id is
		// offered)
		Faults.of(simulator).clear("inspector2:ListFindings");
		simulator.calls().reset();
		Outcome resumed = launcher.launch(TestRuns.demo("restart-second", out));

		// then: it resumed the same run, completed, and collected every finding exactly
		// once
		assertThat(resumed.runId()).isEqualTo(run);
		assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(count("ev_finding", run)).isEqualTo(simulator.organization().findings().size());
		assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT finding_arn) FROM ev_finding WHERE run_id = ?",
				Long.class, run))
			.isEqualTo(simulator.organization().findings().size());
		assertThat(count("ev_credential_report_row", run)).isEqualTo(accountRows);
		// and the account partitions that had completed were not collected again
		assertThat(simulator.calls().count("iam:GenerateCredentialReport")).isZero();
		assertThat(resumed.layout().orElseThrow().packageDir()).isDirectory();
	}

	private long count(String table, String run) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Long.class, run);
	}

}
