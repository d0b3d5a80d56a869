package dev.evident.collection;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.Simulator;
import dev.evident.support.DemoSimulator;
import dev.evident.support.ExactTotals;
import dev.evident.support.TestRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real organization throws at the tool, all at once: every list answered two items
 * a page, a fifth of all calls throttled, credential reports in progress three times. The
 * totals collected must still equal the simulator's dataset exactly, for every source.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:fidelity-test;DB_CLOSE_DELAY=-1",
		"evident.aws.max-attempts=10" })
class CollectionFidelityIT {

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		DemoSimulator.register(registry);
		registry.add("evident.aws.max-attempts", () -> "10");
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	Simulator simulator = DemoSimulator.get();

	SimulatedOrganization demo = simulator.organization();

	@AfterEach
	void reset() {
		Faults.of(simulator).reset();
	}

	@Test
	void everySourceIsCollectedExactlyThroughSmallPagesThrottlingAndSlowReports() throws Exception {
		Faults.of(simulator).reset().pageSizeLimit(5).throttleRate(0.2, 42).credentialReportInProgress(3);
		simulator.calls().reset();

		Outcome outcome = launcher.launch(TestRuns.demo("fidelity", out));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		String run = outcome.runId();
		assertThat(rows("SELECT source FROM ev_gap WHERE run_id = ?", run)).containsExactly("account");

		// every source, exactly
		new ExactTotals(jdbc, demo).assertExact(run);
		for (String status : List.of("ACTIVE", "SUPPRESSED", "CLOSED")) {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND status = ?",
					Long.class, run, status))
				.isEqualTo(demo.findings().stream().filter(f -> f.status().equals(status)).count());
		}
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM ev_artifact_report WHERE run_id = ? AND document_sha256 IS NOT NULL", Long.class,
				run))
			.isEqualTo(demo.artifactReports().size());

		// and it really was paged: at least N/5 ListFindings pages and several
		// report pages
		assertThat(simulator.calls().count("inspector2:ListFindings"))
			.isGreaterThanOrEqualTo(demo.findings().size() / 5);
		assertThat(simulator.calls().count("artifact:ListReports")).isGreaterThanOrEqualTo(2);
	}

	private List<String> rows(String sql, String run) {
		return jdbc.queryForList(sql, String.class, run);
	}

}
