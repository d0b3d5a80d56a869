package dev.evident.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.support.ExactTotals;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.simulator.server.CallLog.AssumeRoleCall;
import dev.evident.simulator.Simulator;
import dev.evident.support.DemoSimulator;
import dev.evident.support.PackageFiles;
import dev.evident.support.TestRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults from AWS, injected by the simulator, each through a whole run: the run either
 * recovers with totals that equal the dataset exactly, or ends with a named evidence gap.
 * The per-attempt timeout is 1 s here, so that a slow first attempt times out.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:robust-faults;DB_CLOSE_DELAY=-1" })
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AwsFaultsIT {

	static final String INSPECTOR_ADMIN = "222222222222";

	/** Active member accounts whose role can be assumed (all but 777... and 888...). */
	static final int REACHABLE_ACCOUNTS = 5;

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		DemoSimulator.register(registry);
		registry.add("evident.aws.max-attempts", () -> "12");
		registry.add("evident.aws.api-call-attempt-timeout", () -> "PT1S");
		registry.add("evident.iam.report-poll-attempts", () -> "4");
	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	Simulator simulator = DemoSimulator.get();

	ExactTotals totals;

	@BeforeEach
	void reset() {
		// a run that failed in an earlier test would otherwise be resumed by the next
		jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'ABANDONED' WHERE STATUS <> 'COMPLETED'");
		Faults.of(simulator).reset();
		simulator.calls().reset();
		totals = new ExactTotals(jdbc, simulator.organization());
	}

	@AfterEach
	void clear() {
		Faults.of(simulator).reset();
	}

	@Test
	void throttlingOnThirtyPercentOfCallsKeepsExactTotals() throws Exception {
		Faults.of(simulator).throttleRate(0.3, 30);

		Outcome outcome = completedWithOnlyTheDeniedAccount("throttle");

		totals.assertExact(outcome.runId());
		assertThat(simulator.calls().total()).as("throttled calls were retried").isGreaterThan(100);
	}

	@Test
	void http500And503BurstsKeepExactTotals() throws Exception {
		Faults.of(simulator)
			.failNextCalls("organizations:ListAccountsForParent", 3, 503)
			.failNextCalls("organizations:DescribeOrganization", 2, 500)
			.failNextCalls("sts:AssumeRole", 2, 503)
			.failEveryKthCall("iam:GetAccountAuthorizationDetails", 2, 500)
			.failNextCalls("inspector2:ListFindings", 4, 503)
			.failEveryKthCall("inspector2:ListFindings", 5, 500)
			.failEveryKthCall("artifact:GetReportMetadata", 3, 503)
			.failNextCalls("artifact:ListReports", 2, 500)
			.failNextCalls("ec2:DescribeRegions", 2, 503)
			.failNextCalls("ec2:DescribeVpcs", 3, 500)
			.failEveryKthCall("ec2:DescribeSecurityGroups", 3, 503)
			.failEveryKthCall("ec2:DescribeNetworkAcls", 4, 500)
			.failNextCalls("elasticloadbalancing:DescribeLoadBalancers", 2, 503)
			.failEveryKthCall("wafv2:GetWebACL", 2, 500)
			.failNextCalls("cloudfront:ListDistributions", 2, 500)
			.failNextCalls("shield:GetSubscriptionState", 3, 503);

		Outcome outcome = completedWithOnlyTheDeniedAccount("bursts");

		totals.assertExact(outcome.runId());
		assertThat(simulator.calls().count("inspector2:ListFindings")).isGreaterThan(4);
	}

	@Test
	void aSlowFirstAttemptPastThePerAttemptTimeoutIsRetried() throws Exception {
		Duration slow = Duration.ofMillis(2500);
		Faults.of(simulator)
			.slowNextCalls("inspector2:ListFindings", 1, slow)
			.slowNextCalls("iam:GetAccountAuthorizationDetails", 1, slow)
			.slowNextCalls("organizations:ListAccountsForParent", 1, slow)
			.slowNextCalls("artifact:GetReportMetadata", 1, slow)
			.slowNextCalls("ec2:DescribeRegions", 1, slow)
			.slowNextCalls("ec2:DescribeFlowLogs", 1, slow)
			.slowNextCalls("elasticloadbalancing:DescribeListeners", 1, slow)
			.slowNextCalls("wafv2:ListWebACLs", 1, slow)
			.slowNextCalls("shield:GetSubscriptionState", 1, slow);

		Outcome outcome = completedWithOnlyTheDeniedAccount("slow");

		totals.assertExact(outcome.runId());
		// each slow first attempt timed out at 1 s and was sent again
		assertThat(simulator.calls().count("organizations:ListAccountsForParent")).isGreaterThanOrEqualTo(4 + 1);
		assertThat(simulator.calls().count("artifact:GetReportMetadata"))
			.isGreaterThanOrEqualTo(simulator.organization().artifactReports().size() + 1);
		// one a reachable account and the management account, and the slow one again
		assertThat(simulator.calls().count("ec2:DescribeRegions")).isEqualTo(REACHABLE_ACCOUNTS + 1 + 1);
	}

	@Test
	void aCredentialReportThatStaysInProgressIsANamedGapForThatAccountOnly() throws Exception {
		String account = "333333333333";
		Faults.of(simulator).credentialReportNeverReady(account);

		Outcome outcome = launcher.launch(TestRuns.demo("report-not-ready", out));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(jdbc.queryForList(
				"SELECT account_id || ' ' || source || ' ' || error_code FROM ev_gap WHERE run_id = ? ORDER BY 1",
				String.class, outcome.runId()))
			.containsExactly(account + " iam:CredentialReport ReportNotReady", "777777777777 account AccessDenied");
		totals.assertExact(outcome.runId(), account);
		// the rest of the account was collected
		assertThat(totals.count("ev_iam_principal", outcome.runId(), "account_id = '" + account + "'")).isPositive();
	}

	@Test
	void anArtifactDownloadCutOffOnceIsDownloadedAgain() throws Exception {
		String report = "report-Soc2TypeIICurr01";
		Faults.of(simulator).truncateArtifactDocument(report, 1);

		Outcome outcome = completedWithOnlyTheDeniedAccount("artifact-once");

		totals.assertExact(outcome.runId());
		assertThat(totals.count("ev_artifact_report", outcome.runId(), "document_sha256 IS NOT NULL"))
			.isEqualTo(simulator.organization().artifactReports().size());
		Path pkg = outcome.layout().orElseThrow().packageDir();
		String path = jdbc.queryForObject(
				"SELECT document_path FROM ev_artifact_report WHERE run_id = ? AND report_id = ?", String.class,
				outcome.runId(), report);
		String sha = jdbc.queryForObject(
				"SELECT document_sha256 FROM ev_artifact_report WHERE run_id = ? AND report_id = ?", String.class,
				outcome.runId(), report);
		assertThat(PackageFiles.sha256(pkg.resolve(path))).isEqualTo(sha);
		assertThat(pdfPages(pkg.resolve(path))).isEqualTo(1);
		assertNoTemporaryFiles(pkg);
	}

	@Test
	void anArtifactDownloadCutOffEveryTimeIsANamedGapAndNoFile() throws Exception {
		String report = "report-Soc2TypeIICurr01";
		Faults.of(simulator).truncateArtifactDocument(report, Integer.MAX_VALUE);

		Outcome outcome = launcher.launch(TestRuns.demo("artifact-always", out));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		String run = outcome.runId();
		assertThat(jdbc.queryForList("SELECT source || ' ' || error_code FROM ev_gap WHERE run_id = ? ORDER BY 1",
				String.class, run))
			.containsExactly("account AccessDenied", "artifact:" + report + " DownloadFailed");
		totals.assertExact(run);
		// the report is listed, without a document, and no partial file is evidence
		assertThat(totals.count("ev_artifact_report", run, "report_id = '" + report + "' AND document_sha256 IS NULL"))
			.isOne();
		assertThat(totals.count("ev_evidence_file", run, "path LIKE '%" + report + "%.pdf'")).isZero();
		Path pkg = outcome.layout().orElseThrow().packageDir();
		try (Stream<Path> files = Files.walk(pkg)) {
			assertThat(files.map(Path::toString).filter(p -> p.contains(report) && p.endsWith(".pdf"))).isEmpty();
		}
		assertNoTemporaryFiles(pkg);
	}

	@Test
	void aSessionThatExpiresDuringTheFindingsCrawlIsAssumedAgainOnce() throws Exception {
		// The Inspector admin's session signs 8 IAM calls, 13 EC2 calls
		// (its regions, then 4 calls in each of 3 regions), about 30
		// ListFindings pages (one chain per account and region, in parallel)
		// and 6 coverage calls: the 41st call (a findings page) finds it
		// expired, and the new session lasts to the end.
		Faults.of(simulator).expireSessionsAfterOwnCalls(40);

		Outcome outcome = completedWithOnlyTheDeniedAccount("expired");

		totals.assertExact(outcome.runId());
		List<AssumeRoleCall> admin = simulator.calls()
			.assumeRoleCalls()
			.stream()
			.filter(c -> c.accountId().equals(INSPECTOR_ADMIN))
			.toList();
		assertThat(admin).as("one AssumeRole, and one more after the session expired").hasSize(2);
	}

	@Test
	void aSessionThatExpiresDuringTheNetworkCollectionIsAssumedAgainOnce() throws Exception {
		// EC2 answers RequestExpired: the region is read again with a new session
		String account = "555555555555";
		Faults.of(simulator).expireSessionAt("ec2:DescribeSecurityGroups", account);

		Outcome outcome = completedWithOnlyTheDeniedAccount("expired-network");

		totals.assertExact(outcome.runId());
		assertThat(simulator.calls().assumeRoleCalls().stream().filter(c -> c.accountId().equals(account)))
			.as("one AssumeRole, and one more after the session expired")
			.hasSize(2);
	}

	@Test
	void aSessionThatExpiresDuringTheEntryPointsIsAssumedAgainOnce() throws Exception {
		String account = "555555555555";
		Faults.of(simulator).expireSessionAt("wafv2:GetWebACL", account);

		Outcome outcome = completedWithOnlyTheDeniedAccount("expired-edge");

		totals.assertExact(outcome.runId());
		assertThat(simulator.calls().assumeRoleCalls().stream().filter(c -> c.accountId().equals(account)))
			.as("one AssumeRole, and one more after the session expired")
			.hasSize(2);
		assertThat(totals.count("ev_web_acl", outcome.runId(), "account_id = '" + account + "'")).isEqualTo(3);
	}

	@Test
	void aLoadBalancerRefusalInOneRegionIsAGapForThatAccountRegionAndSourceOnly() throws Exception {
		String account = "555555555555";
		Faults.of(simulator).refuseInRegion("elasticloadbalancing", account, "us-east-1", 403);

		Outcome outcome = launcher.launch(TestRuns.demo("refused-elb", out));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		String run = outcome.runId();
		assertThat(jdbc.queryForList(
				"SELECT account_id || ' ' || source || ' ' || error_code FROM ev_gap WHERE run_id = ? ORDER BY 1",
				String.class, run))
			.containsExactly(account + " elasticloadbalancing:us-east-1 AccessDenied",
					"777777777777 account AccessDenied");
		// the account's web ACLs and distributions, and the other accounts' balancers,
		// are read
		assertThat(totals.count("ev_load_balancer", run, "account_id = '" + account + "'")).isZero();
		assertThat(totals.count("ev_web_acl", run, "account_id = '" + account + "'")).isEqualTo(3);
		assertThat(totals.count("ev_load_balancer", run, "account_id = '444444444444'")).isEqualTo(2);
		assertThat(jdbc.queryForList("SELECT resource || ' ' || status FROM ev_control_result WHERE run_id = ? "
				+ "AND control_id = ? AND account_id = ?", String.class, run, "lb-hardening", account))
			.containsExactly(account + " us-east-1 NO_EVIDENCE");
	}

	@Test
	void aRefusalInOneRegionIsAGapForThatAccountRegionAndSourceOnly() throws Exception {
		String account = "444444444444";
		Faults.of(simulator).refuseInRegion("ec2", account, "eu-west-1", 403);

		Outcome outcome = launcher.launch(TestRuns.demo("refused-region", out));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		String run = outcome.runId();
		assertThat(jdbc.queryForList(
				"SELECT account_id || ' ' || source || ' ' || error_code FROM ev_gap WHERE run_id = ? ORDER BY 1",
				String.class, run))
			.containsExactly(account + " ec2:network:eu-west-1 UnauthorizedOperation",
					"777777777777 account AccessDenied");
		assertThat(jdbc.queryForList("SELECT region || ' ' || status FROM ev_account_region WHERE run_id = ? "
				+ "AND account_id = ? ORDER BY region", String.class, run, account))
			.containsExactly("ap-northeast-1 COLLECTED", "eu-west-1 GAP", "us-east-1 COLLECTED");
		// the account's other regions, and every other account, are collected in full
		assertThat(totals.count("ev_vpc", run, "account_id = '" + account + "' AND region = 'us-east-1'"))
			.isEqualTo(simulator.organization().network(account, "us-east-1").vpcs().size());
		assertThat(totals.count("ev_vpc", run, "account_id = '" + account + "' AND region = 'eu-west-1'")).isZero();
		assertThat(totals.count("ev_vpc", run, "account_id = '555555555555'"))
			.isEqualTo(simulator.organization().network("555555555555", "us-east-1").vpcs().size());
		// the checks say what is missing, region by region
		assertThat(jdbc
			.queryForList("SELECT resource || ' ' || status FROM ev_control_result WHERE run_id = ? AND control_id = ? "
					+ "AND account_id = ? ORDER BY resource", String.class, run, "vpc-flow-logs", account))
			.containsExactly(account + " eu-west-1 NO_EVIDENCE",
					simulator.organization().network(account, "us-east-1").vpcs().get(0).vpcId() + " PASS");
	}

	private Outcome completedWithOnlyTheDeniedAccount(String runId) throws Exception {
		Outcome outcome = launcher.launch(TestRuns.demo(runId, out));
		assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(jdbc.queryForList("SELECT account_id || ' ' || source FROM ev_gap WHERE run_id = ?", String.class,
				outcome.runId()))
			.containsExactly("777777777777 account");
		return outcome;
	}

	private static int pdfPages(Path pdf) throws IOException {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
			return doc.getNumberOfPages();
		}
	}

	private static void assertNoTemporaryFiles(Path pkg) throws IOException {
		try (Stream<Path> files = Files.walk(pkg.getParent())) {
			assertThat(files.map(Path::toString).filter(p -> p.endsWith(".tmp") || p.endsWith(".partial"))).isEmpty();
		}
	}

}
