package dev.evident.network;

import java.util.ArrayList;
import java.util.List;

import dev.evident.aws.RawSink;
import dev.evident.network.RegionNetwork.Entry;
import dev.evident.network.RegionNetwork.FlowLog;
import dev.evident.network.RegionNetwork.NetworkAcl;
import dev.evident.network.RegionNetwork.Rule;
import dev.evident.network.RegionNetwork.SecurityGroup;
import dev.evident.network.RegionNetwork.Vpc;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Reads one region's VPCs, flow logs, security groups and network ACLs, page by page (the
 * largest page EC2 allows), keeping every page raw.
 */
public class VpcCollector {

	/** The largest page of the four Describe calls. */
	static final int PAGE_SIZE = 1000;

	private final Ec2Client ec2;

	private final RawSink raw;

	public VpcCollector(Ec2Client ec2, RawSink raw) {
		this.ec2 = ec2;
		this.raw = raw;
	}

	public RegionNetwork collect(String region) {
		return new RegionNetwork(region, vpcs(region), flowLogs(region), groups(region), acls(region));
	}

	private List<Vpc> vpcs(String region) {
		List<Vpc> vpcs = new ArrayList<>();
		int page = 0;
		for (DescribeVpcsResponse r : ec2.describeVpcsPaginator(b -> b.maxResults(PAGE_SIZE))) {
			keep(region, "DescribeVpcs", ++page, r);
			r.vpcs()
				.forEach(v -> vpcs
					.add(new Vpc(v.vpcId(), v.cidrBlock(), Boolean.TRUE.equals(v.isDefault()), name(v.tags()))));
		}
		return vpcs;
	}

	private List<FlowLog> flowLogs(String region) {
		List<FlowLog> logs = new ArrayList<>();
		int page = 0;
		for (DescribeFlowLogsResponse r : ec2.describeFlowLogsPaginator(b -> b.maxResults(PAGE_SIZE))) {
			keep(region, "DescribeFlowLogs", ++page, r);
			r.flowLogs()
				.forEach(f -> logs.add(new FlowLog(f.flowLogId(), f.resourceId(), f.flowLogStatus(),
						f.deliverLogsStatus(), f.trafficTypeAsString(), f.logDestinationTypeAsString(),
						f.logDestination() != null ? f.logDestination() : f.logGroupName())));
		}
		return logs;
	}

	private List<SecurityGroup> groups(String region) {
		List<SecurityGroup> groups = new ArrayList<>();
		int page = 0;
		for (DescribeSecurityGroupsResponse r : ec2.describeSecurityGroupsPaginator(b -> b.maxResults(PAGE_SIZE))) {
			keep(region, "DescribeSecurityGroups", ++page, r);
			r.securityGroups().forEach(g -> {
				List<Rule> rules = new ArrayList<>();
				g.ipPermissions().forEach(p -> rules(p, false, rules));
				g.ipPermissionsEgress().forEach(p -> rules(p, true, rules));
				groups.add(new SecurityGroup(g.groupId(), g.groupName(), g.vpcId(), g.description(), rules));
			});
		}
		return groups;
	}

	/** One rule per source of a permission. */
	private static void rules(IpPermission p, boolean egress, List<Rule> rules) {
		String protocol = p.ipProtocol();
		Integer from = "-1".equals(protocol) ? null : p.fromPort();
		Integer to = "-1".equals(protocol) ? null : p.toPort();
		p.ipRanges().forEach(r -> rules.add(new Rule(egress, protocol, from, to, r.cidrIp())));
		p.ipv6Ranges().forEach(r -> rules.add(new Rule(egress, protocol, from, to, r.cidrIpv6())));
		p.userIdGroupPairs().forEach(g -> rules.add(new Rule(egress, protocol, from, to, g.groupId())));
		p.prefixListIds().forEach(l -> rules.add(new Rule(egress, protocol, from, to, l.prefixListId())));
	}

	private List<NetworkAcl> acls(String region) {
		List<NetworkAcl> acls = new ArrayList<>();
		int page = 0;
		for (DescribeNetworkAclsResponse r : ec2.describeNetworkAclsPaginator(b -> b.maxResults(PAGE_SIZE))) {
			keep(region, "DescribeNetworkAcls", ++page, r);
			r.networkAcls().forEach(a -> {
				List<Entry> entries = new ArrayList<>();
				a.entries().forEach(e -> {
					boolean ports = e.portRange() != null && ("6".equals(e.protocol()) || "17".equals(e.protocol()));
					entries.add(new Entry(e.ruleNumber(), Boolean.TRUE.equals(e.egress()), e.protocol(),
							e.ruleActionAsString(), e.cidrBlock() != null ? e.cidrBlock() : e.ipv6CidrBlock(),
							ports ? e.portRange().from() : null, ports ? e.portRange().to() : null));
				});
				acls.add(new NetworkAcl(a.networkAclId(), a.vpcId(), Boolean.TRUE.equals(a.isDefault()), entries));
			});
		}
		return acls;
	}

	private void keep(String region, String operation, int page, software.amazon.awssdk.core.SdkPojo response) {
		raw.json("ec2", region + "/" + operation + "-" + page, operation, "maxResults=" + PAGE_SIZE + ";page=" + page,
				response);
	}

	private static String name(List<Tag> tags) {
		return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse(null);
	}

}
