package dev.evident.simulator.synthetic;

import dev.evident.simulator.data.NetworkBuilder;
import dev.evident.simulator.data.NetworkSpec.AclEntrySpec;
import dev.evident.simulator.data.NetworkSpec.AclRulesSpec;
import dev.evident.simulator.data.NetworkSpec.FlowLogSpec;
import dev.evident.simulator.data.NetworkSpec.RuleSpec;
import dev.evident.simulator.data.NetworkSpec.RulesSpec;
import dev.evident.simulator.data.NetworkSpec.SecurityGroupSpec;
import dev.evident.simulator.data.NetworkSpec.VpcSpec;
import dev.evident.simulator.model.NetworkSource;
import dev.evident.simulator.model.RegionNetwork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The network of synthetic accounts, generated on demand (never held) from the seed, the
 * account and the region: one or two VPCs per enabled region, most with a flow log (a few
 * failing delivery), most default security groups closed, most default network ACLs
 * restrictive, and a few security groups and ACLs open to SSH (22) or RDP (3389) from
 * anywhere.
 */
final class SyntheticNetwork implements NetworkSource {

	/** The regions every synthetic account is enabled in. */
	static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1");

	/** An opt-in region no synthetic account opted in to. */
	static final String OPT_IN_REGION = "ap-east-1";

	/** The rule sets of default network ACLs. */
	static final Map<String, AclRulesSpec> ACL_RULES = Map.of("restrictive",
			new AclRulesSpec(List.of(acl(100, "tcp", "443", "allow", "0.0.0.0/0"),
					acl(110, "tcp", "1024-65535", "allow", "0.0.0.0/0"), acl(32767, "all", null, "deny", "0.0.0.0/0")),
					List.of(acl(100, "all", null, "allow", "0.0.0.0/0"), acl(32767, "all", null, "deny", "0.0.0.0/0"))),
			"admin-open",
			new AclRulesSpec(List.of(acl(100, "tcp", "22", "allow", "0.0.0.0/0"),
					acl(110, "tcp", "3389", "allow", "0.0.0.0/0"), acl(120, "tcp", "443", "allow", "0.0.0.0/0"),
					acl(130, "tcp", "1024-65535", "allow", "0.0.0.0/0"), acl(32767, "all", null, "deny", "0.0.0.0/0")),
					List.of(acl(100, "all", null, "allow", "0.0.0.0/0"),
							acl(32767, "all", null, "deny", "0.0.0.0/0"))));

	private static final RulesSpec CLOSED = new RulesSpec(List.of(), List.of());

	private final long seed;

	private final Instant reference;

	private final Set<String> accounts;

	private final Set<String> regions;

	SyntheticNetwork(long seed, Instant reference, Set<String> accounts, Set<String> regions) {
		this.seed = seed;
		this.reference = reference;
		this.accounts = accounts;
		this.regions = regions;
	}

	@Override
	public RegionNetwork network(String accountId, String region) {
		if (!accounts.contains(accountId) || !regions.contains(region)) {
			return RegionNetwork.EMPTY;
		}
		return NetworkBuilder.build(accountId, region, vpcs(accountId, region), ACL_RULES, reference);
	}

	/** The VPCs of an account in a region, from the seed. */
	List<VpcSpec> vpcs(String accountId, String region) {
		Random rnd = new Random(Mix.mix(seed ^ Mix.hash("network/" + accountId + "/" + region)));
		int count = rnd.nextInt(3) == 0 ? 2 : 1;
		List<VpcSpec> vpcs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String name = i == 0 ? "main" : "workload";
			String cidr = "10." + (i * 128 + rnd.nextInt(128)) + ".0.0/16";
			List<FlowLogSpec> flowLogs = rnd.nextInt(100) < 85
					? List.of(new FlowLogSpec(rnd.nextInt(3) == 0 ? "s3" : "cloud-watch-logs",
							rnd.nextInt(10) == 0 ? "REJECT" : "ALL", rnd.nextInt(20) == 0 ? "FAILED" : "SUCCESS", null,
							30 + rnd.nextInt(900)))
					: List.of();
			RulesSpec defaultGroup = rnd.nextInt(100) < 80 ? CLOSED : null;
			int acl = rnd.nextInt(100);
			String defaultAcl = acl < 85 ? "restrictive" : acl < 95 ? null : "admin-open";
			vpcs.add(new VpcSpec(name, cidr, false, 1 + rnd.nextInt(3), flowLogs, defaultGroup, defaultAcl,
					groups(rnd)));
		}
		return vpcs;
	}

	private static List<SecurityGroupSpec> groups(Random rnd) {
		List<SecurityGroupSpec> groups = new ArrayList<>();
		if (rnd.nextBoolean()) {
			groups.add(new SecurityGroupSpec("web", "HTTPS from anywhere",
					List.of(new RuleSpec("tcp", "443", List.of("0.0.0.0/0", "::/0"), null, null)), egressAll()));
		}
		if (rnd.nextInt(5) < 2) {
			groups.add(new SecurityGroupSpec("internal", "Traffic within the VPC",
					List.of(new RuleSpec("all", null, null, List.of("self"), null),
							new RuleSpec("tcp", "0-65535", List.of("10.0.0.0/8"), null, "private networks")),
					egressAll()));
		}
		int admin = rnd.nextInt(100);
		if (admin < 8) {
			groups.add(new SecurityGroupSpec("ssh-anywhere", "SSH for administrators",
					List.of(new RuleSpec("tcp", "22", List.of(admin < 3 ? "::/0" : "0.0.0.0/0"), null, null)),
					egressAll()));
		}
		else if (admin < 12) {
			groups.add(new SecurityGroupSpec("rdp-anywhere", "RDP for administrators",
					List.of(new RuleSpec("tcp", "3389", List.of("0.0.0.0/0"), null, null)), egressAll()));
		}
		return groups;
	}

	private static List<RuleSpec> egressAll() {
		return List.of(new RuleSpec("all", null, List.of("0.0.0.0/0"), null, null));
	}

	private static AclEntrySpec acl(int rule, String protocol, String ports, String action, String cidr) {
		return new AclEntrySpec(rule, protocol, ports, action, cidr);
	}

}
