package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;
import dev.evident.iam.CredentialReportStore;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class IamRootHardwareMfaTest {

	static final Map<String, Object> RECOMMENDED = Map.of("required", false);

	CheckFixture store = new CheckFixture();

	IamRootHardwareMfa check = new IamRootHardwareMfa(new CredentialReportStore(store.jdbc), store.jdbc);

	@Test
	void passesWhenTheRootUserHasMfaButNoVirtualDevice() {
		store.row("111111111111", "<root_account>", "mfa_active", "true");
		store.passwordPolicy("111111111111", 14, true, 90, 24);
		store.mfaDevice("111111111111", "arn:aws:iam::111111111111:mfa/alice", "arn:aws:iam::111111111111:user/alice");

		var results = check.evaluate(store.context(RECOMMENDED, active("111111111111")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::111111111111:root");
			assertThat(r.reason()).isEqualTo("The root user of account 111111111111 has MFA enabled and no virtual "
					+ "MFA device, so its device is a hardware one.");
			assertThat(r.evidence()).containsExactly("raw/111111111111/iam/credential-report.csv",
					"raw/111111111111/iam/ListVirtualMFADevices-1.json");
		});
	}

	@Test
	void passesWithARecommendationForAVirtualDeviceWhenHardwareIsNotRequired() {
		virtualRootDevice("222222222222");

		var results = check.evaluate(store.context(RECOMMENDED, active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.reason()).isEqualTo("The root user of account 222222222222 uses a virtual MFA device "
					+ "(arn:aws:iam::222222222222:mfa/root-account-mfa-device); a hardware device is recommended but "
					+ "not required by the control's parameters.");
		});
	}

	@Test
	void failsForAVirtualDeviceWhenHardwareIsRequired() {
		virtualRootDevice("222222222222");

		var results = check.evaluate(store.context(Map.of("required", true), active("222222222222")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::222222222222:root");
			assertThat(r.reason()).isEqualTo("The root user of account 222222222222 uses a virtual MFA device "
					+ "(arn:aws:iam::222222222222:mfa/root-account-mfa-device) where the control's parameters "
					+ "require a hardware device.");
		});
	}

	@Test
	void failsWhenTheRootUserHasNoMfaAtAll() {
		store.row("444444444444", "<root_account>", "mfa_active", "false");
		store.passwordPolicy("444444444444", 8, false, null, null);

		var results = check.evaluate(store.context(RECOMMENDED, active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.resource()).isEqualTo("arn:aws:iam::444444444444:root");
			assertThat(r.reason()).isEqualTo("The root user of account 444444444444 has no MFA device.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheMfaDevicesCouldNotBeCollected() {
		store.row("333333333333", "<root_account>", "mfa_active", "true");
		store.gap("333333333333", "iam:AccountSettings");

		var results = check.evaluate(store.context(RECOMMENDED, active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("account 333333333333");
			assertThat(r.reason()).isEqualTo("The MFA devices of account 333333333333 could not be collected "
					+ "(see evidence gaps), so the root user's MFA type is unknown.");
		});
	}

	@Test
	void hasNoEvidenceWhenTheCredentialReportIsAGap() {
		store.passwordPolicy("333333333333", 14, true, 90, 24);
		store.gap("333333333333", "iam:CredentialReport");

		var results = check.evaluate(store.context(RECOMMENDED, active("333333333333")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.reason())
				.isEqualTo("The credential report of account 333333333333 could not be collected (see evidence gaps).");
		});
	}

	private void virtualRootDevice(String account) {
		store.row(account, "<root_account>", "mfa_active", "true");
		store.passwordPolicy(account, 14, true, 90, 24);
		store.mfaDevice(account, "arn:aws:iam::" + account + ":mfa/root-account-mfa-device",
				"arn:aws:iam::" + account + ":root");
	}

}
