package dev.evident.collection;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.simulator.DemoOrganization;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;
import dev.evident.support.DemoSimulator;
import dev.evident.support.Runs;

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
class CollectionFidelityTest {

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

	DemoOrganization demo = simulator.organization();

	@AfterEach
	void reset() {
		simulator.faults().reset();
	}

	@Test
	void everySourceIsCollectedExactlyThroughSmallPagesThrottlingAndSlowReports() throws Exception {
		simulator.faults().reset().pageSizeLimit(5).throttleRate(0.2, 42).credentialReportInProgress(3);
		simulator.calls().reset();

		Outcome outcome = launcher.launch(Runs.demo("fidelity", out));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		String run = outcome.runId();
		assertThat(rows("SELECT source FROM ev_gap WHERE run_id = ?", run)).containsExactly("account");

		// Organizations
		assertThat(count("ev_account", run)).isEqualTo(demo.accounts().size());
		assertThat(count("ev_org_unit", run)).isEqualTo(demo.organizationalUnits().size());
		assertThat(count("ev_policy", run)).isEqualTo(demo.policies().size());
		assertThat(count("ev_policy_target", run))
			.isEqualTo(demo.policies().stream().mapToLong(p -> p.targets().size()).sum());
		assertThat(count("ev_delegated_admin", run)).isEqualTo(demo.delegatedAdministrators().size());
		assertThat(rows("SELECT account_id FROM ev_account WHERE run_id = ? AND status = 'SUSPENDED'", run))
			.containsExactlyElementsOf(demo.accounts().stream().filter(Account::suspended).map(Account::id).toList());

		// IAM, in every reachable account
		List<IamAccount> reachable = demo.accounts()
			.stream()
			.filter(a -> !a.suspended() && !a.assumeRoleDenied())
			.map(a -> demo.iam(a.id()))
			.toList();
		assertThat(count("ev_credential_report_row", run))
			.isEqualTo(reachable.stream().mapToLong(a -> a.users().size() + 1).sum());
		assertThat(count("ev_iam_principal", run, "type = 'USER'"))
			.isEqualTo(reachable.stream().mapToLong(a -> a.users().size()).sum());
		assertThat(count("ev_iam_principal", run, "type = 'GROUP'"))
			.isEqualTo(reachable.stream().mapToLong(a -> a.groups().size()).sum());
		assertThat(count("ev_iam_principal", run, "type = 'ROLE'"))
			.isEqualTo(reachable.stream().mapToLong(a -> a.roles().size()).sum());
		assertThat(count("ev_iam_policy", run)).isEqualTo(reachable.stream().mapToLong(a -> a.policies().size()).sum());
		assertThat(count("ev_account_alias", run))
			.isEqualTo(reachable.stream().mapToLong(a -> a.aliases().size()).sum());
		assertThat(count("ev_password_policy", run)).isEqualTo(reachable.size());
		assertThat(rows("SELECT account_id FROM ev_password_policy WHERE run_id = ? AND present = FALSE", run))
			.containsExactlyInAnyOrderElementsOf(
					reachable.stream().filter(a -> a.passwordPolicy() == null).map(IamAccount::accountId).toList());
		long virtualDevices = reachable.stream()
			.mapToLong(a -> a.users().stream().filter(IamUser::mfaActive).count()
					+ ("VIRTUAL".equals(a.root().mfa()) ? 1 : 0))
			.sum();
		assertThat(count("ev_mfa_device", run)).isEqualTo(virtualDevices);

		// Inspector and Artifact
		assertThat(count("ev_finding", run)).isEqualTo(demo.findings().size());
		for (String status : List.of("ACTIVE", "SUPPRESSED", "CLOSED")) {
			assertThat(count("ev_finding", run, "status = '" + status + "'"))
				.isEqualTo(demo.findings().stream().filter(f -> f.status().equals(status)).count());
		}
		assertThat(count("ev_artifact_report", run)).isEqualTo(demo.artifactReports().size());
		assertThat(count("ev_artifact_report", run, "document_sha256 IS NOT NULL"))
			.isEqualTo(demo.artifactReports().size());

		// and it really was paged: at least N/5 ListFindings pages and several
		// report pages
		assertThat(simulator.calls().count("inspector2:ListFindings"))
			.isGreaterThanOrEqualTo(demo.findings().size() / 5);
		assertThat(simulator.calls().count("artifact:ListReports")).isGreaterThanOrEqualTo(2);
	}

	private long count(String table, String run) {
		return count(table, run, "TRUE");
	}

	private long count(String table, String run, String condition) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ? AND " + condition, Long.class,
				run);
	}

	private List<String> rows(String sql, String run) {
		return jdbc.queryForList(sql, String.class, run);
	}

}
