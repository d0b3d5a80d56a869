package dev.evident.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.evident.simulator.Faults;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.server.CallLog;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.support.DemoSimulator;
import dev.evident.support.SyntheticOrganization;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call budgets of the collection, counted by the simulator, for an organization of
 * {@value #MEMBERS} member accounts under {@value #EXTRA_OUS} more OUs (some nested) than
 * the demo's, every list answered {@value #PAGE} items a page so that accounts, OUs and
 * findings all come in several pages, and a region without findings:
 * <ul>
 * <li>one AssumeRole per member account and run;</li>
 * <li>one GenerateCredentialReport per account in the first run, none in a second run
 * within four hours (the report is reused: one GetCredentialReport per account);</li>
 * <li>the OU tree walked once: ListAccountsForParent and ListOrganizationalUnitsForParent
 * exactly the pages of each parent, and Organizations calls linear in accounts +
 * OUs;</li>
 * <li>ListFindings exactly ceil(n / page) pages per chain (account and region), plus the
 * one page that shows an empty chain empty, which is within 1.02 x ceil(n / page) for
 * every chain that has findings.</li>
 * </ul>
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:call-budget;DB_CLOSE_DELAY=-1")
class CallBudgetIT {

	static final int MEMBERS = 60;

	static final int EXTRA_OUS = 9;

	static final int FINDINGS_PER_ACCOUNT = 25;

	static final int PAGE = 10;

	static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

	static Simulator simulator;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("evident-call-budget");
		Path data = withMoreOus(SyntheticOrganization.write(dir, MEMBERS, FINDINGS_PER_ACCOUNT));
		// the simulator's clock is the real one, so that the collector sees a report it
		// generated a moment ago as young
		simulator = Simulator.start(SimulatorConfig.defaults().withFaults(new Faults()).withPort(0).withDataFile(data));
		registry.add("evident.aws.endpoint", () -> simulator.endpoint().toString());
		registry.add("evident.aws.region", () -> "us-east-1");
		registry.add("evident.aws.access-key-id", () -> DemoSimulator.BASE_ACCESS_KEY);
		registry.add("evident.aws.secret-access-key", () -> "test-fixture-secret");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	/** The collection steps of the evidencePackage job, alone. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CollectionJob {

		@Bean
		Job collectionSteps(JobRepository jobRepository, @Qualifier("discoverOrganization") Step discoverOrganization,
				@Qualifier("collectAccounts") Step collectAccounts,
				@Qualifier("collectFindings") Step collectFindings) {
			return new JobBuilder("collectionSteps", jobRepository).start(discoverOrganization)
				.next(collectAccounts)
				.next(collectFindings)
				.build();
		}

	}

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier("collectionSteps")
	Job collectionSteps;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void collectionStaysWithinItsCallBudgets() throws Exception {
		Faults.of(simulator).reset().pageSizeLimit(PAGE);
		CallLog calls = simulator.calls();
		calls.reset();

		// first run
		String first = collect("budget-1");
		int accounts = count("SELECT COUNT(*) FROM ev_account WHERE run_id = ?", first);
		int ous = count("SELECT COUNT(*) FROM ev_org_unit WHERE run_id = ?", first);
		assertThat(accounts).isEqualTo(MEMBERS + 1);
		assertThat(ous).isEqualTo(3 + EXTRA_OUS);
		String management = simulator.managementAccountId();

		// one AssumeRole per member account
		assertThat(calls.assumeRoleCalls()).hasSize(MEMBERS);
		assertThat(calls.assumeRoleCalls()).extracting(CallLog.AssumeRoleCall::accountId).doesNotHaveDuplicates();

		// one report generated per account, none twice
		assertThat(calls.count("iam:GenerateCredentialReport")).isEqualTo(accounts);
		for (String account : accountIds(first)) {
			assertThat(calls.count("iam:GenerateCredentialReport", account)).as(account).isEqualTo(1);
		}

		// the OU tree walked once: each parent's pages exactly
		List<Map<String, Object>> parents = jdbc.queryForList("SELECT p.parent_id, "
				+ "(SELECT COUNT(*) FROM ev_account a WHERE a.run_id = ? AND a.parent_id = p.parent_id) AS accounts, "
				+ "(SELECT COUNT(*) FROM ev_org_unit o WHERE o.run_id = ? AND o.parent_id = p.parent_id) AS units "
				+ "FROM (SELECT ou_id AS parent_id FROM ev_org_unit WHERE run_id = ? "
				+ "UNION SELECT root_id FROM ev_organization WHERE run_id = ?) p", first, first, first, first);
		assertThat(parents).hasSize(ous + 1);
		long accountPages = parents.stream().mapToLong(p -> pages(((Number) p.get("ACCOUNTS")).longValue())).sum();
		long unitPages = parents.stream().mapToLong(p -> pages(((Number) p.get("UNITS")).longValue())).sum();
		assertThat(calls.count("organizations:ListAccountsForParent")).isEqualTo(accountPages);
		assertThat(calls.count("organizations:ListOrganizationalUnitsForParent")).isEqualTo(unitPages);
		assertThat(calls.count("organizations:DescribeOrganization")).isEqualTo(1);
		assertThat(calls.count("organizations:ListRoots")).isEqualTo(1);
		int policies = count("SELECT COUNT(*) FROM ev_policy WHERE run_id = ?", first);
		assertThat(organizationsCalls(calls)).isLessThanOrEqualTo(10 + 3L * policies + 2L * (accounts + ous));

		// ListFindings: the pages of each chain, and one for each empty chain
		List<Long> chains = jdbc.queryForList("SELECT COUNT(f.finding_arn) FROM ev_account a CROSS JOIN ("
				+ REGIONS.stream().map(r -> "SELECT '" + r + "' AS region").reduce((x, y) -> x + " UNION " + y).get()
				+ ") r LEFT JOIN ev_finding f ON f.run_id = a.run_id AND f.account_id = a.account_id "
				+ "AND f.region = r.region WHERE a.run_id = ? GROUP BY a.account_id, r.region", Long.class, first);
		assertThat(chains).hasSize(accounts * REGIONS.size());
		assertThat(chains).filteredOn(n -> n > 2 * PAGE).hasSize(MEMBERS);
		assertThat(calls.count("inspector2:ListFindings")).isEqualTo(chains.stream().mapToLong(n -> pages(n)).sum());
		assertThat(chains.stream().filter(n -> n > 0).mapToLong(n -> pages(n)).sum())
			.isLessThanOrEqualTo((long) Math.floor(1.02 * chains.stream().mapToLong(n -> ceil(n)).sum()));

		// a second run within four hours reuses every account's report
		calls.reset();
		String second = collect("budget-2");
		assertThat(count("SELECT COUNT(DISTINCT account_id) FROM ev_credential_report_row WHERE run_id = ?", second))
			.isEqualTo(accounts);
		assertThat(calls.count("iam:GenerateCredentialReport")).isZero();
		assertThat(calls.count("iam:GetCredentialReport")).isEqualTo(accounts);
		assertThat(calls.count("iam:GetCredentialReport", management)).isEqualTo(1);
		assertThat(calls.assumeRoleCalls()).hasSize(MEMBERS);
	}

	private String collect(String runId) throws Exception {
		RunParameters parameters = new RunParameters(runId, Period.parse("2026-Q3"), Instant.now(), Source.DEMO,
				Files.createTempDirectory("evident-call-budget-out"), null, null, List.of(), List.of(), REGIONS, 4);
		JobExecution execution = jobOperator.start(collectionSteps, parameters.toJobParameters());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("SELECT COUNT(*) FROM ev_gap WHERE run_id = ?", runId)).isZero();
		return runId;
	}

	/** The pages of a list of n items: one at least, to learn that it is empty. */
	private static long pages(long n) {
		return Math.max(1, ceil(n));
	}

	private static long ceil(long n) {
		return (n + PAGE - 1) / PAGE;
	}

	private static long organizationsCalls(CallLog calls) {
		return calls.operations().stream().filter(op -> op.startsWith("organizations:")).mapToLong(calls::count).sum();
	}

	private List<String> accountIds(String runId) {
		return jdbc.queryForList("SELECT account_id FROM ev_account WHERE run_id = ?", String.class, runId);
	}

	private int count(String sql, String runId) {
		Integer n = jdbc.queryForObject(sql, Integer.class, runId);
		return n == null ? 0 : n;
	}

	/**
	 * Adds {@value #EXTRA_OUS} OUs to the synthetic organization, a third of them nested
	 * under another new one, and spreads the member accounts over every OU and the root.
	 */
	static Path withMoreOus(Path file) throws IOException {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
		ObjectNode root = (ObjectNode) yaml.readTree(file.toFile());
		ArrayNode units = (ArrayNode) root.get("organizationalUnits");
		for (int i = 0; i < EXTRA_OUS; i++) {
			String parent = i % 3 == 2 ? "ou-ev1d-budget0" + (i - 1) : (i % 2 == 0 ? "root" : "ou-ev1d-workload1");
			units.addObject().put("id", "ou-ev1d-budget0" + i).put("name", "Budget " + i).put("parent", parent);
		}
		ArrayNode accounts = (ArrayNode) root.get("accounts");
		for (int i = 1; i < accounts.size(); i++) {
			int slot = (i - 1) % (units.size() + 1);
			((ObjectNode) accounts.get(i)).put("parent",
					slot == units.size() ? "root" : units.get(slot).get("id").asText());
		}
		yaml.writeValue(file.toFile(), root);
		return file;
	}

}
