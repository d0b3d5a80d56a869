package dev.evident.simulator.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.data.DataFile;
import dev.evident.simulator.data.DataFile.AccountSpec;
import dev.evident.simulator.data.DataFile.OuSpec;
import dev.evident.simulator.data.DataFile.UserSpec;
import dev.evident.simulator.data.DataLoader;
import dev.evident.simulator.data.Ids;
import dev.evident.simulator.data.NetworkSpec;
import dev.evident.simulator.server.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a synthetic organization of a given {@link SyntheticSize}: a management account,
 * a security tooling account (Inspector's delegated administrator) and a log archive,
 * workload accounts over three levels of OUs (Workloads / environment / business unit), a
 * few suspended accounts, IAM users spread unevenly, Artifact reports, and findings
 * generated on demand ({@link SyntheticFindings}), every account enabled in the four
 * regions of {@link SyntheticNetwork} (and the findings' regions) with VPCs, flow logs,
 * security groups and network ACLs generated on demand too, and load balancers, web ACLs,
 * distributions and Shield Advanced in them ({@link SyntheticEdge}). Everything else is
 * materialized: it is small.
 */
public final class SyntheticOrganizationBuilder {

	private static final String[] UNITS = { "Payments", "Retail", "Analytics", "Platform", "Mobile", "Identity",
			"Logistics", "Marketing" };

	private static final String[] ENVIRONMENTS = { "Production", "Staging", "Development" };

	private final SyntheticSize size;

	private final String root;

	private final List<OuSpec> ous = new ArrayList<>();

	private SyntheticOrganizationBuilder(SyntheticSize size) {
		this.size = size;
		this.root = "r-" + Ids.of("", size.seed() + "/root", 4).toLowerCase();
	}

	/** The organization of {@code size}, with ages relative to {@code reference}. */
	public static SimulatedOrganization build(SyntheticSize size, Instant reference) {
		SyntheticOrganizationBuilder builder = new SyntheticOrganizationBuilder(size);
		DataFile file = builder.dataFile();
		SimulatedOrganization organization = DataLoader.expand(file, reference);
		List<String> active = file.accounts()
			.stream()
			.filter(a -> "ACTIVE".equals(a.status()))
			.map(a -> a.id())
			.toList();
		Set<String> accounts = new HashSet<>();
		file.accounts().forEach(a -> accounts.add(a.id()));
		Set<String> regions = new HashSet<>(enabledRegions(size));
		SyntheticNetwork network = new SyntheticNetwork(size.seed(), reference, accounts, regions);
		return organization
			.withFindings(new SyntheticFindings(size.seed(), reference, active, size.regions(), size.findings()))
			.withNetworks(network)
			.withEdges(
					new SyntheticEdge(size.seed(), reference, accounts, Set.copyOf(SyntheticNetwork.REGIONS), network));
	}

	/** The network's four regions and the findings' regions. */
	private static List<String> enabledRegions(SyntheticSize size) {
		Set<String> regions = new TreeSet<>(SyntheticNetwork.REGIONS);
		regions.addAll(size.regions());
		return List.copyOf(regions);
	}

	/** The 12-digit id of account {@code index}; index 0 is the management account. */
	static String accountId(int index) {
		return String.format("%012d", 300_000_000_000L + index * 1_000_003L);
	}

	private DataFile dataFile() {
		String mgmt = accountId(0);
		String orgId = "o-" + Ids.of("", size.seed() + "/org", 10).toLowerCase();
		String security = ou("Security", "root");
		String infrastructure = ou("Infrastructure", "root");
		String network = ou("Network", infrastructure);
		String workloads = ou("Workloads", "root");
		String sandbox = ou("Sandbox", "root");
		String suspendedOu = ou("Suspended", "root");
		int units = Math.max(2, Math.min(UNITS.length, size.accounts() / 60));
		List<String[]> leaves = new ArrayList<>();
		String production = null;
		for (String env : ENVIRONMENTS) {
			String envOu = ou(env, workloads);
			if (production == null) {
				production = envOu;
			}
			for (int u = 0; u < units; u++) {
				leaves.add(new String[] { ou(UNITS[u] + " " + env, envOu), UNITS[u] + " " + env });
			}
		}
		leaves.add(new String[] { sandbox, "Sandbox" });

		int suspended = Math.max(1, size.accounts() / 100);
		int[] users = spreadUsers();
		List<AccountSpec> accounts = new ArrayList<>();
		for (int i = 0; i < size.accounts(); i++) {
			String id = accountId(i);
			String name;
			String parent;
			boolean isSuspended = i >= size.accounts() - suspended;
			if (i == 0) {
				name = "Management";
				parent = "root";
			}
			else if (i == 1) {
				name = "Security Tooling";
				parent = security;
			}
			else if (i == 2) {
				name = "Log Archive";
				parent = security;
			}
			else if (i == 3) {
				name = "Network Hub";
				parent = network;
			}
			else if (isSuspended) {
				name = "Retired " + i;
				parent = suspendedOu;
			}
			else {
				String[] leaf = leaves.get((i - 4) % leaves.size());
				name = leaf[1] + " " + i;
				parent = leaf[0];
			}
			accounts.add(account(id, name, parent, i == 0, isSuspended, users[i]));
		}
		return new DataFile(new DataFile.OrganizationSpec(orgId, root, mgmt, "ALL"), ous, passwordPolicies(),
				List.of(new DataFile.RoleSpec("OrganizationAccountAccessRole", mgmt, List.of("AdministratorAccess"), 3),
						new DataFile.RoleSpec("EvidentAuditRole", mgmt, List.of("SecurityAudit", "ReadOnlyAccess"), 1)),
				accounts, policies(security, workloads, production),
				List.of(new DataFile.DelegatedAdminSpec(accountId(1), "inspector2.amazonaws.com", 400)),
				ArtifactCatalog.reports(size.artifactReports(), size.seed()), null,
				new NetworkSpec.RegionsSpec(enabledRegions(size),
						enabledRegions(size).contains(SyntheticNetwork.OPT_IN_REGION) ? List.of()
								: List.of(SyntheticNetwork.OPT_IN_REGION)),
				SyntheticNetwork.ACL_RULES);
	}

	private String ou(String name, String parent) {
		String id = "ou-" + root.substring(2) + "-" + Ids.of("", size.seed() + "/ou/" + name, 8).toLowerCase();
		ous.add(new OuSpec(id, name, parent));
		return id;
	}

	/** Users per account: uneven (log-normal), adding up to the requested total. */
	private int[] spreadUsers() {
		double[] weights = new double[size.accounts()];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = Math.exp(new Random(Mix.mix(size.seed() ^ Mix.hash("users" + i))).nextGaussian() * 0.8);
			sum += weights[i];
		}
		int[] counts = new int[weights.length];
		int assigned = 0;
		for (int i = 0; i < weights.length; i++) {
			counts[i] = (int) Math.floor(size.users() * weights[i] / sum);
			assigned += counts[i];
		}
		for (int i = 0; assigned < size.users(); i = (i + 1) % counts.length) {
			counts[i]++;
			assigned++;
		}
		return counts;
	}

	private AccountSpec account(String id, String name, String parent, boolean management, boolean suspended,
			int userCount) {
		Random rnd = new Random(Mix.mix(size.seed() ^ Mix.hash("account" + id)));
		int joined = 200 + rnd.nextInt(2000);
		String policy = management ? "strict" : switch (rnd.nextInt(10)) {
			case 0 -> "none";
			case 1, 2 -> "basic";
			default -> "strict";
		};
		List<UserSpec> users = new ArrayList<>(userCount);
		for (int u = 0; u < userCount; u++) {
			users.add(SyntheticIam.user(size.seed(), id, u));
		}
		String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
		return new AccountSpec(id, name, "aws-" + id + "@example.com", parent, suspended ? "SUSPENDED" : "ACTIVE",
				management || rnd.nextInt(5) > 0 ? "CREATED" : "INVITED", joined, List.of(slug),
				SyntheticIam.root(rnd, management), policy, false,
				new DataFile.InspectorSpec(suspended ? "SUSPENDED" : "ENABLED", size.regions()), SyntheticIam.GROUPS,
				List.of(), List.of(), users, List.of(), Map.of(), Map.of(), null, null);
	}

	private static Map<String, DataFile.PasswordPolicySpec> passwordPolicies() {
		return Map.of("strict", new DataFile.PasswordPolicySpec(14, true, true, true, true, true, 90, 24, false),
				"basic", new DataFile.PasswordPolicySpec(8, false, true, false, false, true, null, null, null));
	}

	private static List<DataFile.ScpSpec> policies(String security, String workloads, String production) {
		return List.of(
				new DataFile.ScpSpec("p-denyleave01", "DenyLeaveOrganization",
						"Member accounts may not leave the organization", List.of("root"),
						json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
								+ "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}")),
				new DataFile.ScpSpec("p-regionlock1", "RegionRestriction", "Deny actions outside approved regions",
						List.of(workloads),
						json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":"
								+ "[\"iam:*\",\"organizations:*\",\"sts:*\"],\"Resource\":\"*\",\"Condition\":"
								+ "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}}]}")),
				new DataFile.ScpSpec("p-protectsec1", "ProtectSecurityServices",
						"Deny disabling Inspector and CloudTrail", List.of(security, production),
						json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":"
								+ "[\"inspector2:Disable\",\"cloudtrail:StopLogging\"],\"Resource\":\"*\"}]}")));
	}

	private static JsonNode json(String text) {
		return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
