package dev.evident.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Faults;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.AwsRegion;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which regions the network is collected in: without --regions, every region enabled for
 * each account (and none other); a region asked for that the account does not use is
 * recorded as not in use, never as a gap or a failure.
 */
@DemoJobTest
class NetworkRegionsIT {

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	SimulatedOrganization demo = DemoSimulator.get().organization();

	@Test
	void withoutRegionsEveryRegionEnabledForTheAccountIsCollected() throws Exception {
		Faults.of(DemoSimulator.get()).reset();

		Outcome outcome = launcher.launch(run("regions-default", List.of()));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		List<String> expected = new ArrayList<>();
		for (Account account : demo.accounts()) {
			if (account.suspended() || account.assumeRoleDenied()) {
				continue;
			}
			for (AwsRegion region : demo.regions()) {
				if (demo.regionEnabled(account.id(), region.name())) {
					expected.add(account.id() + " " + region.name() + " COLLECTED");
				}
			}
		}
		assertThat(expected).isNotEmpty();
		assertThat(regions(outcome)).containsExactlyElementsOf(expected.stream().sorted().toList());
		assertThat(gaps(outcome)).containsExactly("777777777777 account");
	}

	@Test
	void aRegionTheAccountsDoNotUseIsRecordedAsNotInUseNotAsAGap() throws Exception {
		Faults.of(DemoSimulator.get()).reset();

		Outcome outcome = launcher.launch(run("regions-opt-in", List.of("us-east-1", "ap-east-1")));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(gaps(outcome)).as("only the denied role").containsExactly("777777777777 account");
		assertThat(regions(outcome)).contains("444444444444 ap-east-1 NOT_ENABLED", "444444444444 us-east-1 COLLECTED",
				"666666666666 ap-east-1 NOT_ENABLED");
		assertThat(regions(outcome)).filteredOn(r -> r.contains("ap-east-1")).allMatch(r -> r.endsWith("NOT_ENABLED"));
		assertThat(jdbc.queryForObject(
				"SELECT note FROM ev_account_region WHERE run_id = ? AND account_id = ? AND region = ?", String.class,
				outcome.runId(), "444444444444", "ap-east-1"))
			.isEqualTo("not enabled for the account (not-opted-in)");
		// not a failure: the flow log control is not applicable there, and judged on
		// us-east-1
		assertThat(jdbc.queryForList(
				"SELECT resource || ' ' || status FROM ev_control_result WHERE run_id = ? AND control_id = ? "
						+ "AND account_id = ? ORDER BY resource",
				String.class, outcome.runId(), "vpc-flow-logs", "444444444444"))
			.containsExactly("444444444444 ap-east-1 NOT_APPLICABLE",
					demo.network("444444444444", "us-east-1").vpcs().get(0).vpcId() + " PASS");
		assertThat(DemoSimulator.get().calls().count("ec2:DescribeVpcs")).isPositive();
	}

	private RunParameters run(String runId, List<String> regions) {
		return new RunParameters(runId, Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO, out, null, null,
				List.of(), List.of(), regions, 4);
	}

	private List<String> regions(Outcome outcome) {
		return jdbc.queryForList("SELECT account_id || ' ' || region || ' ' || status FROM ev_account_region "
				+ "WHERE run_id = ? ORDER BY account_id, region", String.class, outcome.runId());
	}

	private List<String> gaps(Outcome outcome) {
		return jdbc.queryForList("SELECT account_id || ' ' || source FROM ev_gap WHERE run_id = ? ORDER BY 1",
				String.class, outcome.runId());
	}

}
