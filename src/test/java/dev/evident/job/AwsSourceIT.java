package dev.evident.job;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.Simulator;
import dev.evident.support.DemoSimulator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --source aws} with nothing but the SDK's standard settings: credentials and
 * region from the default chain, the endpoint from the standard endpoint setting
 * ({@code aws.endpointUrl}, the system property twin of {@code AWS_ENDPOINT_URL}), and a
 * service-specific one for IAM. No Evident-specific endpoint is configured, so this is
 * how any AWS-compatible endpoint is reached.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:aws-source-test;DB_CLOSE_DELAY=-1",
		"evident.aws.max-attempts=3", "evident.iam.report-poll-initial=PT0.01S" })
class AwsSourceIT {

	private static final List<String> PROPERTIES = List.of("aws.endpointUrl", "aws.endpointUrlIam", "aws.region",
			"aws.accessKeyId", "aws.secretAccessKey");

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	@BeforeAll
	static void standardSdkSettings() {
		Simulator simulator = DemoSimulator.get();
		System.setProperty("aws.endpointUrl", simulator.endpoint().toString());
		System.setProperty("aws.endpointUrlIam", simulator.endpoint().toString());
		System.setProperty("aws.region", "us-east-1");
		System.setProperty("aws.accessKeyId", "AKIDTESTDEFAULTCHAIN");
		System.setProperty("aws.secretAccessKey", "test-default-chain-secret");
	}

	@AfterAll
	static void clear() {
		PROPERTIES.forEach(System::clearProperty);
	}

	@Test
	void awsSourceReachesAnyEndpointThroughTheSdkDefaults() throws Exception {
		Simulator simulator = DemoSimulator.get();
		Faults.of(simulator).reset();
		simulator.calls().reset();

		Outcome outcome = launcher.launch(new RunParameters("aws-source", Period.parse("2026-Q3"), DemoSimulator.AS_OF,
				Source.AWS, out, null, null, List.of(), List.of(), DemoSimulator.regions(), 2));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ev_finding WHERE run_id = ?", Long.class, outcome.runId()))
			.isEqualTo(simulator.organization().findings().size());
		assertThat(simulator.calls().count("organizations:DescribeOrganization")).isEqualTo(1);
		assertThat(simulator.calls().assumeRoleCalls()).allSatisfy(call -> {
			assertThat(call.roleArn()).endsWith(":role/EvidentAuditRole");
			assertThat(call.roleSessionName()).isEqualTo("evident-" + outcome.runId());
		});
	}

}
