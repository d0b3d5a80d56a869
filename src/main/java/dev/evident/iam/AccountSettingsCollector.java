package dev.evident.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import dev.evident.aws.RawSink;
import dev.evident.iam.AccountSettings.MfaDevice;
import dev.evident.iam.AccountSettings.PasswordPolicy;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** Reads an account's IAM settings and keeps every response raw. */
public class AccountSettingsCollector {

	private final IamClient iam;

	private final RawSink raw;

	public AccountSettingsCollector(IamClient iam, RawSink raw) {
		this.iam = iam;
		this.raw = raw;
	}

	public AccountSettings collect() {
		var summary = iam.getAccountSummary();
		raw.json("iam", "GetAccountSummary", "GetAccountSummary", "", summary);
		Map<String, Long> values = new TreeMap<>();
		summary.summaryMapAsStrings().forEach((k, v) -> values.put(k, v.longValue()));
		return new AccountSettings(values, passwordPolicy(), mfaDevices(), aliases());
	}

	private PasswordPolicy passwordPolicy() {
		GetAccountPasswordPolicyResponse response;
		try {
			response = iam.getAccountPasswordPolicy();
		}
		catch (NoSuchEntityException ex) {
			// "No password policy" is itself evidence: kept as the error AWS answered
			// with.
			raw.bytes("iam", "GetAccountPasswordPolicy.json", "GetAccountPasswordPolicy", "NoSuchEntity",
					("{\"Error\": {\"Code\": \"NoSuchEntity\", \"Message\": "
							+ quote(ex.awsErrorDetails().errorMessage()) + "}}\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return PasswordPolicy.none();
		}
		raw.json("iam", "GetAccountPasswordPolicy", "GetAccountPasswordPolicy", "", response);
		var p = response.passwordPolicy();
		return new PasswordPolicy(true, p.minimumPasswordLength(), p.requireSymbols(), p.requireNumbers(),
				p.requireUppercaseCharacters(), p.requireLowercaseCharacters(), p.allowUsersToChangePassword(),
				p.expirePasswords(), p.maxPasswordAge(), p.passwordReusePrevention(), p.hardExpiry());
	}

	private List<MfaDevice> mfaDevices() {
		List<MfaDevice> devices = new ArrayList<>();
		int page = 0;
		for (ListVirtualMfaDevicesResponse r : iam.listVirtualMFADevicesPaginator(b -> {
		})) {
			raw.json("iam", "ListVirtualMFADevices-" + (++page), "ListVirtualMFADevices", "", r);
			r.virtualMFADevices()
				.forEach(d -> devices
					.add(new MfaDevice(d.serialNumber(), d.user() == null ? null : d.user().arn(), d.enableDate())));
		}
		return devices;
	}

	private List<String> aliases() {
		List<String> aliases = new ArrayList<>();
		int page = 0;
		for (ListAccountAliasesResponse r : iam.listAccountAliasesPaginator(b -> {
		})) {
			raw.json("iam", "ListAccountAliases-" + (++page), "ListAccountAliases", "", r);
			aliases.addAll(r.accountAliases());
		}
		return aliases;
	}

	private static String quote(String s) {
		return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s == null ? "" : s)) + "\"";
	}

}
