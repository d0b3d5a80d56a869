package dev.evident.simulator.data;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The network parts of the data file (see {@code demo/organization.yaml}): the regions
 * ({@code regions:}), network ACL rule sets ({@code networkAcls:}) and each account's
 * VPCs per region ({@code network:}).
 */
public final class NetworkSpec {

	private NetworkSpec() {
	}

	/**
	 * The regions the organization knows: {@code enabled} need no opt-in; {@code optIn}
	 * regions are enabled only in the accounts that list them under
	 * {@code optedInRegions}.
	 */
	public record RegionsSpec(List<String> enabled, List<String> optIn) {
		public RegionsSpec {
			enabled = DataFile.orEmpty(enabled);
			optIn = DataFile.orEmpty(optIn);
		}
	}

	/**
	 * A VPC with its default security group and default network ACL. A null
	 * {@code defaultSecurityGroup} or {@code defaultNetworkAcl} is the AWS default (the
	 * group allows all traffic from itself and to anywhere; the ACL allows everything).
	 *
	 * @param subnets the number of subnets, each associated with the default network ACL
	 * (default 2)
	 * @param defaultNetworkAcl the name of a rule set under {@code networkAcls}
	 */
	public record VpcSpec(String name, String cidr, @JsonProperty("default") boolean isDefault, Integer subnets,
			List<FlowLogSpec> flowLogs, RulesSpec defaultSecurityGroup, String defaultNetworkAcl,
			List<SecurityGroupSpec> securityGroups) {
		public VpcSpec {
			subnets = subnets == null ? 2 : subnets;
			flowLogs = DataFile.orEmpty(flowLogs);
			securityGroups = DataFile.orEmpty(securityGroups);
		}
	}

	/**
	 * An ACTIVE flow log of the VPC.
	 *
	 * @param destination cloud-watch-logs (default) or s3
	 * @param traffic ALL (default), ACCEPT or REJECT
	 * @param delivery SUCCESS (default) or FAILED
	 * @param target the log group or bucket name (default derived from the VPC and the
	 * account)
	 * @param ageDays when it was created (default 200)
	 */
	public record FlowLogSpec(String destination, String traffic, String delivery, String target, Integer ageDays) {
		public FlowLogSpec {
			destination = destination == null ? "cloud-watch-logs" : destination;
			traffic = traffic == null ? "ALL" : traffic;
			delivery = delivery == null ? "SUCCESS" : delivery;
			ageDays = ageDays == null ? 200 : ageDays;
		}
	}

	/** A security group of the VPC besides its default one. */
	public record SecurityGroupSpec(String name, String description, List<RuleSpec> ingress, List<RuleSpec> egress) {
		public SecurityGroupSpec {
			ingress = DataFile.orEmpty(ingress);
			egress = DataFile.orEmpty(egress);
		}
	}

	/** The rules of a default security group; {@code {}} has none. */
	public record RulesSpec(List<RuleSpec> ingress, List<RuleSpec> egress) {
		public RulesSpec {
			ingress = DataFile.orEmpty(ingress);
			egress = DataFile.orEmpty(egress);
		}
	}

	/**
	 * A security group rule.
	 *
	 * @param protocol all (or -1), tcp, udp or icmp
	 * @param ports {@code 443} or {@code 1024-65535}; all ports when omitted (none for
	 * all)
	 * @param cidrs IPv4 and IPv6 CIDR blocks (an IPv6 block contains {@code :})
	 * @param groups {@code self} or names of other security groups of the VPC
	 */
	public record RuleSpec(String protocol, String ports, List<String> cidrs, List<String> groups, String description) {
		public RuleSpec {
			cidrs = DataFile.orEmpty(cidrs);
			groups = DataFile.orEmpty(groups);
		}
	}

	/** A network ACL rule set, referenced by name from a VPC's defaultNetworkAcl. */
	public record AclRulesSpec(List<AclEntrySpec> ingress, List<AclEntrySpec> egress) {
		public AclRulesSpec {
			ingress = DataFile.orEmpty(ingress);
			egress = DataFile.orEmpty(egress);
		}
	}

	/**
	 * A network ACL entry.
	 *
	 * @param rule the rule number, 1 to 32767 (32767 is the last rule that AWS adds)
	 * @param protocol all (or -1), tcp or udp
	 * @param ports {@code 443} or {@code 1024-65535} (tcp and udp; default all ports)
	 * @param action allow (default) or deny
	 * @param cidr an IPv4 or IPv6 CIDR block
	 */
	public record AclEntrySpec(int rule, String protocol, String ports, String action, String cidr) {
		public AclEntrySpec {
			action = action == null ? "allow" : action;
		}
	}

}
