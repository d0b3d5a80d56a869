package dev.evident.simulator.data;

import dev.evident.simulator.data.NetworkSpec.AclEntrySpec;
import dev.evident.simulator.data.NetworkSpec.AclRulesSpec;
import dev.evident.simulator.data.NetworkSpec.FlowLogSpec;
import dev.evident.simulator.data.NetworkSpec.RuleSpec;
import dev.evident.simulator.data.NetworkSpec.RulesSpec;
import dev.evident.simulator.data.NetworkSpec.SecurityGroupSpec;
import dev.evident.simulator.data.NetworkSpec.VpcSpec;
import dev.evident.simulator.model.FlowLog;
import dev.evident.simulator.model.NetworkAcl;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.SecurityGroup;
import dev.evident.simulator.model.Vpc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands one account's VPCs in one region into its VPCs, flow logs, security groups and
 * network ACLs, with ids derived from the account, the region and the names.
 */
public final class NetworkBuilder {

	/** The rules AWS gives a VPC's default security group. */
	public static final RulesSpec AWS_DEFAULT_GROUP = new RulesSpec(
			List.of(new RuleSpec("all", null, null, List.of("self"), null)),
			List.of(new RuleSpec("all", null, List.of("0.0.0.0/0"), null, null)));

	/** The default network ACL as AWS creates it: everything allowed. */
	public static final AclRulesSpec AWS_DEFAULT_ACL = new AclRulesSpec(allowAll(), allowAll());

	private final String account;

	private final String region;

	private final Map<String, AclRulesSpec> aclRules;

	private final Instant reference;

	private final List<Vpc> vpcs = new ArrayList<>();

	private final List<FlowLog> flowLogs = new ArrayList<>();

	private final List<SecurityGroup> groups = new ArrayList<>();

	private final List<NetworkAcl> acls = new ArrayList<>();

	private NetworkBuilder(String account, String region, Map<String, AclRulesSpec> aclRules, Instant reference) {
		this.account = account;
		this.region = region;
		this.aclRules = aclRules;
		this.reference = reference;
	}

	/**
	 * The network of {@code account} in {@code region}; {@code aclRules} are the rule
	 * sets that VPCs name as their default network ACL.
	 */
	public static RegionNetwork build(String account, String region, List<VpcSpec> vpcs,
			Map<String, AclRulesSpec> aclRules, Instant reference) {
		NetworkBuilder builder = new NetworkBuilder(account, region, aclRules, reference);
		Set<String> names = new HashSet<>();
		for (int i = 0; i < vpcs.size(); i++) {
			VpcSpec vpc = vpcs.get(i);
			String key = vpc.name() == null ? "#" + i : vpc.name();
			if (!names.add(key)) {
				throw invalid("two VPCs named " + key);
			}
			builder.vpc(vpc, key);
		}
		return new RegionNetwork(builder.vpcs, builder.flowLogs, builder.groups, builder.acls);
	}

	private void vpc(VpcSpec spec, String key) {
		if (spec.cidr() == null || !spec.cidr().matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
			throw invalid("VPC " + key + " needs an IPv4 cidr: " + spec.cidr());
		}
		String vpcId = id("vpc-", "vpc/" + account + "/" + region + "/" + key);
		vpcs.add(new Vpc(vpcId, account, spec.cidr(), id("vpc-cidr-assoc-", "cidr/" + vpcId), spec.isDefault(),
				id("dopt-", "dopt/" + account + "/" + region), spec.name()));
		for (int i = 0; i < spec.flowLogs().size(); i++) {
			flowLogs.add(flowLog(spec.flowLogs().get(i), vpcId, key, i));
		}
		String defaultGroup = id("sg-", "sg/" + vpcId + "/default");
		List<SecurityGroupSpec> specs = new ArrayList<>();
		specs.add(new SecurityGroupSpec("default", "default VPC security group",
				(spec.defaultSecurityGroup() == null ? AWS_DEFAULT_GROUP : spec.defaultSecurityGroup()).ingress(),
				(spec.defaultSecurityGroup() == null ? AWS_DEFAULT_GROUP : spec.defaultSecurityGroup()).egress()));
		specs.addAll(spec.securityGroups());
		Map<String, String> groupIds = new java.util.LinkedHashMap<>();
		groupIds.put("default", defaultGroup);
		for (SecurityGroupSpec group : spec.securityGroups()) {
			if (group.name() == null || groupIds.containsKey(group.name())) {
				throw invalid(
						"security groups of VPC " + key + " need distinct names other than default: " + group.name());
			}
			groupIds.put(group.name(), id("sg-", "sg/" + vpcId + "/" + group.name()));
		}
		for (SecurityGroupSpec group : specs) {
			String groupId = groupIds.get(group.name());
			groups.add(new SecurityGroup(groupId, group.name(),
					group.description() == null ? group.name() : group.description(), vpcId, account,
					"arn:aws:ec2:" + region + ":" + account + ":security-group/" + groupId,
					permissions(group.ingress(), groupIds, groupId), permissions(group.egress(), groupIds, groupId)));
		}
		AclRulesSpec rules = spec.defaultNetworkAcl() == null ? AWS_DEFAULT_ACL
				: aclRules.get(spec.defaultNetworkAcl());
		if (rules == null) {
			throw invalid("VPC " + key + ": no network ACL rule set named " + spec.defaultNetworkAcl());
		}
		String aclId = id("acl-", "acl/" + vpcId);
		List<NetworkAcl.Association> associations = new ArrayList<>();
		for (int i = 0; i < spec.subnets(); i++) {
			String subnet = id("subnet-", "subnet/" + vpcId + "/" + i);
			associations.add(new NetworkAcl.Association(id("aclassoc-", "aclassoc/" + subnet), aclId, subnet));
		}
		List<NetworkAcl.Entry> entries = new ArrayList<>(entries(rules.egress(), true));
		entries.addAll(entries(rules.ingress(), false));
		acls.add(new NetworkAcl(aclId, vpcId, true, account, entries, associations));
	}

	private FlowLog flowLog(FlowLogSpec spec, String vpcId, String vpcKey, int index) {
		oneOf(spec.traffic(), "flow log traffic", "ALL", "ACCEPT", "REJECT");
		oneOf(spec.delivery(), "flow log delivery", "SUCCESS", "FAILED");
		boolean failed = spec.delivery().equals("FAILED");
		Instant created = Ids.daysAgo(reference, spec.ageDays(), "fl/" + vpcId + "/" + index)
			.truncatedTo(ChronoUnit.MILLIS);
		String id = id("fl-", "fl/" + vpcId + "/" + index);
		return switch (spec.destination()) {
			case "cloud-watch-logs" -> {
				String group = spec.target() == null ? "/aws/vpc/flow-logs/" + vpcKey.replace("#", "vpc-")
						: spec.target();
				yield new FlowLog(id, vpcId, "ACTIVE", spec.delivery(), failed ? "Access error" : null, spec.traffic(),
						"cloud-watch-logs", "arn:aws:logs:" + region + ":" + account + ":log-group:" + group, group,
						"arn:aws:iam::" + account + ":role/VpcFlowLogsRole", created);
			}
			case "s3" -> {
				String bucket = spec.target() == null ? "vpc-flow-logs-" + account : spec.target();
				yield new FlowLog(id, vpcId, "ACTIVE", spec.delivery(), failed ? "Access error" : null, spec.traffic(),
						"s3", "arn:aws:s3:::" + bucket, null, null, created);
			}
			default -> throw invalid("flow log destination must be cloud-watch-logs or s3: " + spec.destination());
		};
	}

	private List<SecurityGroup.Permission> permissions(List<RuleSpec> rules, Map<String, String> groupIds,
			String self) {
		List<SecurityGroup.Permission> out = new ArrayList<>();
		for (RuleSpec rule : rules) {
			String protocol = rule.protocol() == null ? "all" : rule.protocol();
			int[] ports = switch (protocol) {
				case "all", "-1" -> {
					if (rule.ports() != null) {
						throw invalid("a security group rule for all protocols has no ports: " + rule.ports());
					}
					yield null;
				}
				case "tcp", "udp" -> ports(rule.ports());
				case "icmp" -> rule.ports() == null ? new int[] { -1, -1 } : ports(rule.ports());
				default -> throw invalid("security group rule protocol must be all, tcp, udp or icmp: " + protocol);
			};
			List<SecurityGroup.CidrRange> v4 = new ArrayList<>();
			List<SecurityGroup.CidrRange> v6 = new ArrayList<>();
			for (String cidr : rule.cidrs()) {
				(cidr(cidr) ? v6 : v4).add(new SecurityGroup.CidrRange(cidr, rule.description()));
			}
			List<SecurityGroup.GroupPair> pairs = new ArrayList<>();
			for (String group : rule.groups()) {
				String groupId = group.equals("self") ? self : groupIds.get(group);
				if (groupId == null) {
					throw invalid("a security group rule names an unknown group: " + group);
				}
				pairs.add(new SecurityGroup.GroupPair(groupId, account));
			}
			if (v4.isEmpty() && v6.isEmpty() && pairs.isEmpty()) {
				throw invalid("a security group rule needs cidrs or groups");
			}
			out.add(new SecurityGroup.Permission(ports == null ? "-1" : protocol, ports == null ? null : ports[0],
					ports == null ? null : ports[1], v4, v6, pairs, List.of()));
		}
		return out;
	}

	private static List<NetworkAcl.Entry> entries(List<AclEntrySpec> specs, boolean egress) {
		List<NetworkAcl.Entry> out = new ArrayList<>();
		Set<Integer> numbers = new HashSet<>();
		for (AclEntrySpec spec : specs) {
			if (spec.rule() < 1 || spec.rule() > 32767 || !numbers.add(spec.rule())) {
				throw invalid("network ACL rule numbers are distinct, 1 to 32767: " + spec.rule());
			}
			oneOf(spec.action(), "network ACL action", "allow", "deny");
			String protocol = spec.protocol() == null ? "all" : spec.protocol();
			String number = switch (protocol) {
				case "all", "-1" -> "-1";
				case "tcp" -> "6";
				case "udp" -> "17";
				default -> throw invalid("network ACL protocol must be all, tcp or udp: " + protocol);
			};
			int[] ports = number.equals("-1") ? null : ports(spec.ports());
			if (ports == null && spec.ports() != null) {
				throw invalid("a network ACL entry for all protocols has no ports: " + spec.ports());
			}
			boolean v6 = cidr(spec.cidr());
			out.add(new NetworkAcl.Entry(spec.rule(), number, spec.action(), egress, v6 ? null : spec.cidr(),
					v6 ? spec.cidr() : null, ports == null ? null : ports[0], ports == null ? null : ports[1]));
		}
		out.sort(Comparator.comparingInt(NetworkAcl.Entry::ruleNumber));
		return out;
	}

	/** Whether a CIDR block is IPv6 (IPv4 otherwise); fails on anything else. */
	private static boolean cidr(String cidr) {
		if (cidr == null || !cidr.matches("[0-9a-fA-F.:]+/\\d{1,3}")) {
			throw invalid("not a CIDR block: " + cidr);
		}
		return cidr.contains(":");
	}

	private static int[] ports(String ports) {
		if (ports == null) {
			return new int[] { 0, 65535 };
		}
		String[] range = ports.split("-", -1);
		try {
			int from = Integer.parseInt(range[0].trim());
			int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
			if (range.length > 2 || from < 0 || to > 65535 || from > to) {
				throw new NumberFormatException();
			}
			return new int[] { from, to };
		}
		catch (NumberFormatException e) {
			throw invalid("ports must be N or N-M within 0-65535: " + ports);
		}
	}

	private static List<AclEntrySpec> allowAll() {
		return List.of(new AclEntrySpec(100, "all", null, "allow", "0.0.0.0/0"),
				new AclEntrySpec(101, "all", null, "allow", "::/0"),
				new AclEntrySpec(32767, "all", null, "deny", "0.0.0.0/0"));
	}

	private static void oneOf(String value, String what, String... allowed) {
		if (!List.of(allowed).contains(value)) {
			throw invalid(what + " must be one of " + List.of(allowed) + ": " + value);
		}
	}

	private static String id(String prefix, String salt) {
		return prefix + Ids.hex(salt, 17);
	}

	private static IllegalArgumentException invalid(String message) {
		return new IllegalArgumentException("organization data file: " + message);
	}

}
