package dev.evident.simulator;

import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** STS and IAM round trips through the real SDK clients. */
class SimulatorIamStsTest {

	static final String CREDENTIAL_REPORT_HEADER = "user,arn,user_creation_time,password_enabled,"
			+ "password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
			+ "access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
			+ "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
			+ "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
			+ "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
	static final Instant REFERENCE = Instant.parse("2026-01-05T10:11:12Z");
	static Simulator sim;

	@BeforeAll
	static void start() {
		sim = Simulator
			.start(SimulatorConfig.defaults().withFaults(new Faults()).withReferenceInstant(REFERENCE).withThreads(4));
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	private IamClient iam(String accountId) {
		AwsCredentialsProvider creds = accountId.equals(sim.managementAccountId()) ? SdkClients.BASE
				: SdkClients.assume(sim, accountId, "EvidentAuditRole");
		return SdkClients.build(IamClient.builder(), sim, creds, Region.AWS_GLOBAL, 3);
	}

	@Test
	void assumeRoleAttributesCallsToTheRoleAccount() {
		try (StsClient base = SdkClients.build(StsClient.builder(), sim)) {
			assertThat(base.getCallerIdentity().account()).isEqualTo("111111111111");
		}
		var creds = SdkClients.assume(sim, "444444444444", "EvidentAuditRole");
		try (StsClient sts = SdkClients.build(StsClient.builder(), sim, creds, Region.US_EAST_1, 1)) {
			var id = sts.getCallerIdentity();
			assertThat(id.account()).isEqualTo("444444444444");
			assertThat(id.arn()).isEqualTo("arn:aws:sts::444444444444:assumed-role/EvidentAuditRole/evident-test");
		}
		assertThat(sim.calls().assumeRoleCalls()).anySatisfy(c -> {
			assertThat(c.accountId()).isEqualTo("444444444444");
			assertThat(c.roleSessionName()).isEqualTo("evident-test");
			assertThat(c.externalId()).isEqualTo("evident-external-id");
		});
		assertThat(sim.calls().count("sts:GetCallerIdentity", "444444444444")).isEqualTo(1);
	}

	@Test
	void everyIamOperationMatchesTheDatasetInEveryReachableAccount() {
		for (var account : sim.organization().accounts()) {
			if (account.suspended() || account.assumeRoleDenied()) {
				continue;
			}
			IamAccount expected = sim.organization().iam(account.id());
			try (IamClient iam = iam(account.id())) {
				assertThat(iam.generateCredentialReport().state()).isIn(ReportStateType.STARTED,
						ReportStateType.COMPLETE); // another test may have started it
				assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
				var report = iam.getCredentialReport();
				String[] lines = report.content().asUtf8String().split("\n");
				assertThat(lines[0]).isEqualTo(CREDENTIAL_REPORT_HEADER);
				assertThat(lines).hasSize(expected.users().size() + 2);
				assertThat(lines[1]).startsWith("<root_account>,arn:aws:iam::" + account.id() + ":root,")
					.contains(",not_supported,");
				assertThat(report.reportFormatAsString()).isEqualTo("text/csv");

				var summary = iam.getAccountSummary().summaryMapAsStrings();
				assertThat(summary.get("Users")).isEqualTo(expected.users().size());
				assertThat(summary.get("AccountMFAEnabled")).isEqualTo(expected.root().mfaActive() ? 1 : 0);
				assertThat(summary.get("AccountAccessKeysPresent"))
					.isEqualTo(expected.root().accessKeys().isEmpty() ? 0 : 1);

				if (expected.passwordPolicy() == null) {
					assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOfSatisfying(IamException.class, e -> {
						assertThat(e.statusCode()).isEqualTo(404);
						assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
					});
				}
				else {
					assertThat(iam.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength())
						.isEqualTo(expected.passwordPolicy().minimumPasswordLength());
				}

				List<String> serials = iam.listVirtualMFADevicesPaginator(r -> r.maxItems(1))
					.virtualMFADevices()
					.stream()
					.map(VirtualMFADevice::serialNumber)
					.toList();
				long mfaUsers = expected.users().stream().filter(IamUser::mfaActive).count();
				assertThat(serials).hasSize((int) mfaUsers + ("VIRTUAL".equals(expected.root().mfa()) ? 1 : 0));
				assertThat(serials.contains("arn:aws:iam::" + account.id() + ":mfa/root-account-mfa-device"))
					.isEqualTo("VIRTUAL".equals(expected.root().mfa()));

				assertThat(iam.listAccountAliasesPaginator(r -> r.maxItems(1)).accountAliases().stream().toList())
					.isEqualTo(expected.aliases());

				var pages = iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(3)).stream().toList();
				assertThat(pages.stream().flatMap(p -> p.userDetailList().stream()).map(u -> u.userName()).toList())
					.isEqualTo(expected.users().stream().map(IamUser::name).toList());
				assertThat(pages.stream().mapToInt(p -> p.groupDetailList().size()).sum())
					.isEqualTo(expected.groups().size());
				assertThat(pages.stream().mapToInt(p -> p.roleDetailList().size()).sum())
					.isEqualTo(expected.roles().size());
				assertThat(pages.stream().mapToInt(p -> p.policies().size()).sum())
					.isEqualTo(expected.policies().size());
				assertRoleTrustDecodes(pages);
			}
		}
		assertThat(sim.calls().count("iam:GenerateCredentialReport", "444444444444")).isEqualTo(2);
	}

	private static void assertRoleTrustDecodes(List<GetAccountAuthorizationDetailsResponse> pages) {
		pages.stream()
			.flatMap(p -> p.roleDetailList().stream())
			.forEach(role -> assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
				.startsWith("{\"Version\":\"2012-10-17\""));
		pages.stream()
			.flatMap(p -> p.policies().stream())
			.forEach(policy -> assertThat(
					URLDecoder.decode(policy.policyVersionList().get(0).document(), StandardCharsets.UTF_8))
				.contains("\"Statement\""));
	}

	@Test
	void credentialReportKeepsAwsValuesAndEscapesNames() {
		try (IamClient iam = iam("111111111111")) {
			assertThatThrownBy(iam::getCredentialReport).isInstanceOfSatisfying(IamException.class, e -> {
				assertThat(e.statusCode()).isEqualTo(410);
				assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
			});
			iam.generateCredentialReport();
			String csv = iam.getCredentialReport().content().asUtf8String();
			assertThat(csv).contains("\neve.o'brien,arn:aws:iam::111111111111:user/eve.o'brien,")
				.contains(",true,no_information,")
				.containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00")
				.contains(",N/A,N/A,N/A,N/A,");
		}
		try (IamClient iam = iam("555555555555")) {
			var names = iam.getAccountAuthorizationDetails().userDetailList().stream().map(u -> u.userName()).toList();
			assertThat(names).contains("qa<tester>&co");
		}
	}

}
