package dev.evident.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.Inspector2Exception;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fault the simulator can inject, observed through the real SDK clients. */
class SimulatorFaultsTest {

	static Simulator sim;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withReferenceInstant(SimulatorIamStsTest.REFERENCE)
			.withThreads(4));
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@AfterEach
	void reset() {
		Faults.of(sim).reset();
	}

	private static long usEast1Findings() {
		return sim.organization().findings().stream().filter(f -> f.region().equals("us-east-1")).count();
	}

	@Test
	void throttlingIsRetriedBySdkAndTotalsStayExact() {
		Faults.of(sim).throttleRate(0.2, 42);
		long before = sim.calls().count("inspector2:ListFindings");
		try (Inspector2Client inspector = SdkClients.build(Inspector2Client.builder(), sim, SdkClients.BASE,
				Region.US_EAST_1, 10);
				OrganizationsClient orgs = SdkClients.build(OrganizationsClient.builder(), sim, SdkClients.BASE,
						Region.US_EAST_1, 10);
				IamClient iam = SdkClients.build(IamClient.builder(), sim, SdkClients.BASE, Region.AWS_GLOBAL, 10)) {
			assertThat(inspector.listFindingsPaginator(r -> r.maxResults(25)).findings().stream().count())
				.isEqualTo(usEast1Findings());
			assertThat(
					orgs.listAccountsPaginator(r -> r.maxResults(1)).stream().mapToLong(p -> p.accounts().size()).sum())
				.isEqualTo(sim.organization().accounts().size());
			assertThat(iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(2))
				.stream()
				.mapToLong(p -> p.userDetailList().size())
				.sum()).isEqualTo(sim.organization().users("111111111111").size());
		}
		long pages = (usEast1Findings() + 24) / 25;
		assertThat(sim.calls().count("inspector2:ListFindings") - before).isGreaterThan(pages);
	}

	@Test
	void assumeRoleDeniedForDataFileFaultAndSuspendedAccounts() {
		Faults.of(sim).denyAssumeRole("333333333333");
		try (StsClient sts = SdkClients.build(StsClient.builder(), sim)) {
			for (String account : new String[] { "777777777777", "333333333333", "888888888888" }) {
				assertThatThrownBy(
						() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/EvidentAuditRole")
							.roleSessionName("evident-test")))
					.isInstanceOfSatisfying(StsException.class, e -> {
						assertThat(e.statusCode()).isEqualTo(403);
						assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
					});
			}
			Faults.of(sim).reset();
			assertThat(sts.assumeRole(
					r -> r.roleArn("arn:aws:iam::333333333333:role/EvidentAuditRole").roleSessionName("evident-test"))
				.credentials()
				.accessKeyId()).startsWith("ASIA");
		}
		assertThat(sim.calls().assumeRoleCalls()).anySatisfy(c -> {
			assertThat(c.accountId()).isEqualTo("777777777777");
			assertThat(c.granted()).isFalse();
		});
	}

	@Test
	void credentialReportInProgressThreeTimesThenComplete() {
		Faults.of(sim).credentialReportInProgress(3);
		var creds = SdkClients.assume(sim, "555555555555", "EvidentAuditRole");
		try (IamClient iam = SdkClients.build(IamClient.builder(), sim, creds, Region.AWS_GLOBAL, 1)) {
			iam.generateCredentialReport();
			int inProgress = 0;
			while (true) {
				try {
					assertThat(iam.getCredentialReport().content().asUtf8String()).startsWith("user,arn,");
					break;
				}
				catch (IamException e) {
					assertThat(e.statusCode()).isEqualTo(404);
					assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportInProgress");
					assertThat(++inProgress).isLessThanOrEqualTo(3);
				}
			}
			assertThat(inProgress).isEqualTo(3);
		}
	}

	@Test
	void latencyDelaysEveryCall() {
		Faults.of(sim).latency(Duration.ofMillis(200));
		try (StsClient sts = SdkClients.build(StsClient.builder(), sim)) {
			long start = System.nanoTime();
			sts.getCallerIdentity();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		}
	}

	@Test
	void failOperationAfterCallsUntilCleared() {
		Faults.of(sim).failOperation("inspector2:ListFindings", 3, 500);
		try (Inspector2Client inspector = SdkClients.build(Inspector2Client.builder(), sim, SdkClients.BASE,
				Region.US_EAST_1, 1)) {
			var pages = inspector.listFindingsPaginator(r -> r.maxResults(10)).iterator();
			for (int i = 0; i < 3; i++) {
				assertThat(pages.next().findings()).hasSize(10);
			}
			assertThatThrownBy(pages::next).isInstanceOfSatisfying(Inspector2Exception.class, e -> {
				assertThat(e.statusCode()).isEqualTo(500);
				assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerException");
			});
			Faults.of(sim).clear("inspector2:ListFindings");
			assertThat(inspector.listFindingsPaginator(r -> r.maxResults(100)).findings().stream().count())
				.isEqualTo(usEast1Findings());
		}
	}

	@Test
	void expiredTemporaryCredentials() {
		var creds = SdkClients.assume(sim, "222222222222", "EvidentAuditRole");
		Faults.of(sim).expireCredentialsAfterCalls(0);
		try (IamClient iam = SdkClients.build(IamClient.builder(), sim, creds, Region.AWS_GLOBAL, 1);
				IamClient base = SdkClients.build(IamClient.builder(), sim, SdkClients.BASE, Region.AWS_GLOBAL, 1)) {
			assertThatThrownBy(iam::getAccountSummary).isInstanceOfSatisfying(IamException.class,
					e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
			assertThat(base.getAccountSummary().summaryMapAsStrings()).containsKey("Users");
		}
	}

}
