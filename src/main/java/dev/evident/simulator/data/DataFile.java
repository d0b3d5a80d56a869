package dev.evident.simulator.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The YAML organization data file, as written (see {@code demo/organization.yaml} for the
 * documented format). Ages are whole days before the simulator's reference instant.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DataFile(OrganizationSpec organization, List<OuSpec> organizationalUnits,
		Map<String, PasswordPolicySpec> passwordPolicies, List<RoleSpec> memberAccountRoles, List<AccountSpec> accounts,
		List<ScpSpec> serviceControlPolicies, List<DelegatedAdminSpec> delegatedAdministrators,
		List<ReportSpec> artifactReports, FindingsSpec findings, NetworkSpec.RegionsSpec regions,
		Map<String, NetworkSpec.AclRulesSpec> networkAcls) {

	public DataFile {
		organizationalUnits = orEmpty(organizationalUnits);
		passwordPolicies = passwordPolicies == null ? Map.of() : passwordPolicies;
		memberAccountRoles = orEmpty(memberAccountRoles);
		accounts = orEmpty(accounts);
		serviceControlPolicies = orEmpty(serviceControlPolicies);
		delegatedAdministrators = orEmpty(delegatedAdministrators);
		artifactReports = orEmpty(artifactReports);
		networkAcls = networkAcls == null ? Map.of() : networkAcls;
	}

	static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	public record OrganizationSpec(String id, String rootId, String managementAccountId, String featureSet) {
	}

	public record OuSpec(String id, String name, String parent) {
	}

	public record PasswordPolicySpec(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
			boolean requireUppercaseCharacters, boolean requireLowercaseCharacters, boolean allowUsersToChangePassword,
			Integer maxPasswordAge, Integer passwordReusePrevention, Boolean hardExpiry) {
	}

	public record AccountSpec(String id, String name, String email, String parent, String status, String joinedMethod,
			int joinedAgeDays, List<String> aliases, RootSpec root, String passwordPolicy, boolean assumeRoleDenied,
			InspectorSpec inspector, List<GroupSpec> groups, List<RoleSpec> roles,
			List<ManagedPolicySpec> managedPolicies, List<UserSpec> users, List<String> optedInRegions,
			Map<String, List<NetworkSpec.VpcSpec>> network, Map<String, EdgeSpec.RegionEdgeSpec> edge,
			EdgeSpec.CloudFrontSpec cloudFront, EdgeSpec.ShieldSpec shield) {
		public AccountSpec {
			status = status == null ? "ACTIVE" : status;
			joinedMethod = joinedMethod == null ? "CREATED" : joinedMethod;
			aliases = orEmpty(aliases);
			root = root == null ? new RootSpec("NONE", null, null) : root;
			inspector = inspector == null ? new InspectorSpec("DISABLED", null) : inspector;
			groups = orEmpty(groups);
			roles = orEmpty(roles);
			managedPolicies = orEmpty(managedPolicies);
			users = orEmpty(users);
			optedInRegions = orEmpty(optedInRegions);
			network = network == null ? Map.of() : network;
			edge = edge == null ? Map.of() : edge;
		}
	}

	/** {@code mfa}: NONE, VIRTUAL or HARDWARE. */
	public record RootSpec(String mfa, Integer passwordLastUsedDaysAgo, List<KeySpec> accessKeys) {
		public RootSpec {
			mfa = mfa == null ? "NONE" : mfa;
			accessKeys = orEmpty(accessKeys);
		}
	}

	public record KeySpec(int ageDays, Boolean active, Integer lastUsedDaysAgo, String service, String region) {
		public boolean isActive() {
			return active == null || active;
		}
	}

	public record PasswordSpec(int changedDaysAgo, Integer lastUsedDaysAgo) {
	}

	/** A user without {@code password} has no console access. */
	public record UserSpec(String name, int ageDays, PasswordSpec password, boolean mfa, List<KeySpec> keys,
			List<String> groups, List<String> policies) {
		public UserSpec {
			keys = orEmpty(keys);
			groups = orEmpty(groups);
			policies = orEmpty(policies);
		}
	}

	public record GroupSpec(String name, List<String> policies) {
		public GroupSpec {
			policies = orEmpty(policies);
		}
	}

	public record RoleSpec(String name, String trustedAccount, List<String> policies, Integer lastUsedDaysAgo) {
		public RoleSpec {
			policies = orEmpty(policies);
		}
	}

	public record ManagedPolicySpec(String name, String description, JsonNode document) {
	}

	/**
	 * {@code status}: ENABLED, DISABLED or SUSPENDED; {@code regions} defaults to
	 * us-east-1.
	 */
	public record InspectorSpec(String status, List<String> regions) {
		public InspectorSpec {
			status = status == null ? "DISABLED" : status;
			regions = regions == null || regions.isEmpty() ? List.of("us-east-1") : regions;
		}
	}

	/** {@code targets}: "root", OU ids or account ids. */
	public record ScpSpec(String id, String name, String description, List<String> targets, JsonNode content) {
		public ScpSpec {
			targets = orEmpty(targets);
		}
	}

	public record DelegatedAdminSpec(String account, String servicePrincipal, int ageDays) {
	}

	/**
	 * Negative {@code periodEndDaysAgo} = the period ends in the future (report still
	 * current).
	 */
	public record ReportSpec(String id, String name, String description, String series, String category, long version,
			int periodStartDaysAgo, int periodEndDaysAgo, String state) {
	}
}
