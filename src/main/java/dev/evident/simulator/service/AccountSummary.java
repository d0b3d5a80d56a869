package dev.evident.simulator.service;

import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;
import dev.evident.simulator.server.XmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;

/** The SummaryMap of GetAccountSummary. */
final class AccountSummary {

	private AccountSummary() {
	}

	static Map<String, Integer> entries(IamAccount a) {
		long mfaUsers = a.users().stream().filter(IamUser::mfaActive).count();
		Map<String, Integer> m = new LinkedHashMap<>();
		m.put("GroupPolicySizeQuota", 5120);
		m.put("InstanceProfilesQuota", 1000);
		m.put("Policies", (int) a.policies().stream().filter(p -> !p.awsManaged()).count());
		m.put("GroupsPerUserQuota", 10);
		m.put("InstanceProfiles", 0);
		m.put("AttachedPoliciesPerUserQuota", 10);
		m.put("Users", a.users().size());
		m.put("PoliciesQuota", 1500);
		m.put("Providers", 0);
		m.put("AccountMFAEnabled", a.root().mfaActive() ? 1 : 0);
		m.put("AccessKeysPerUserQuota", 2);
		m.put("AssumeRolePolicySizeQuota", 2048);
		m.put("PolicyVersionsInUseQuota", 10000);
		m.put("GlobalEndpointTokenVersion", 1);
		m.put("VersionsPerPolicyQuota", 5);
		m.put("AttachedPoliciesPerGroupQuota", 10);
		m.put("PolicySizeQuota", 6144);
		m.put("Groups", a.groups().size());
		m.put("AccountSigningCertificatesPresent", 0);
		m.put("UsersQuota", 5000);
		m.put("ServerCertificatesQuota", 20);
		m.put("MFADevices", (int) mfaUsers + ("VIRTUAL".equals(a.root().mfa()) ? 1 : 0));
		m.put("UserPolicySizeQuota", 2048);
		m.put("PolicyVersionsInUse", m.get("Policies"));
		m.put("ServerCertificates", 0);
		m.put("Roles", a.roles().size());
		m.put("RolesQuota", 1000);
		m.put("SigningCertificatesPerUserQuota", 2);
		m.put("MFADevicesInUse", (int) mfaUsers + (a.root().mfaActive() ? 1 : 0));
		m.put("RolePolicySizeQuota", 10240);
		m.put("AttachedPoliciesPerRoleQuota", 10);
		m.put("AccountAccessKeysPresent", a.root().accessKeys().isEmpty() ? 0 : 1);
		m.put("GroupsQuota", 300);
		return m;
	}

	static String xml(IamAccount account) {
		XmlWriter xml = new XmlWriter().start("SummaryMap");
		entries(account).forEach((k, v) -> xml.start("entry").element("key", k).element("value", v).end());
		return xml.end().toString();
	}

}
