package dev.evident.job;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.simulator.model.FindingSource;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.synthetic.SyntheticSize;
import dev.evident.support.ExactTotals;
import dev.evident.support.SyntheticSimulator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a small synthetic organization (40 accounts, 2,000 IAM users,
 * 20,000 findings generated on demand): every total in the store equals the synthetic
 * organization's.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:synthetic-job;DB_CLOSE_DELAY=-1")
class SyntheticOrganizationJobIT {

	static final SyntheticSize SIZE = SyntheticSize.of(40, 2_000, 20_000);

	static Simulator simulator;

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		simulator = SyntheticSimulator.start(SIZE, 8);
		SyntheticSimulator.register(registry, simulator);
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	@Test
	void everyTotalInTheStoreEqualsTheSyntheticOrganization() throws Exception {
		Outcome outcome = launcher.launch(SyntheticSimulator.run("synthetic-1", out, simulator, 4));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.COMPLETE);
		String run = outcome.runId();
		ExactTotals totals = new ExactTotals(jdbc, simulator.organization());
		totals.assertExact(run);
		assertThat(totals.count("ev_finding", run)).isEqualTo(20_000);
		FindingSource findings = simulator.organization().findingSource();
		for (String status : new String[] { "ACTIVE", "SUPPRESSED", "CLOSED" }) {
			assertThat(totals.count("ev_finding", run, "status = '" + status + "'"))
				.isEqualTo(findings.count(null, null, null, status));
		}
		for (String severity : new String[] { "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED" }) {
			assertThat(totals.count("ev_finding", run, "severity = '" + severity + "'"))
				.isEqualTo(findings.count(null, null, severity, null));
		}
		String busiest = jdbc.queryForObject(
				"SELECT account_id FROM ev_finding WHERE run_id = ? "
						+ "GROUP BY account_id ORDER BY COUNT(*) DESC, account_id FETCH FIRST 1 ROWS ONLY",
				String.class, run);
		assertThat(totals.count("ev_finding", run, "account_id = '" + busiest + "' AND status = 'ACTIVE'"))
			.isEqualTo(simulator.organization().findingCount(busiest, "ACTIVE"));
	}

}
