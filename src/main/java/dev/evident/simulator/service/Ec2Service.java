package dev.evident.simulator.service;

import dev.evident.simulator.model.AwsRegion;
import dev.evident.simulator.model.FlowLog;
import dev.evident.simulator.model.NetworkAcl;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.SecurityGroup;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.Vpc;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Ec2Protocol;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;
import dev.evident.simulator.server.XmlWriter;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * EC2's network resources (the ec2 protocol): regions, VPCs, flow logs, security groups
 * and network ACLs of the calling account in the call's region. A region that is not
 * enabled for the account refuses every call with {@code AuthFailure}.
 */
public final class Ec2Service implements Service {

	private static final Set<String> PAGED = Set.of("NextToken", "MaxResults", "DryRun");

	private final Protocol protocol = new Ec2Protocol(Set.of("DescribeRegions", "DescribeVpcs", "DescribeFlowLogs",
			"DescribeSecurityGroups", "DescribeNetworkAcls"));

	private final SimulatedOrganization org;

	public Ec2Service(SimulatedOrganization org) {
		this.org = org;
	}

	@Override
	public String name() {
		return "ec2";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		RegionAccess.requireEnabled(org, call, protocol);
		RegionNetwork network = org.network(call.accountId(), call.region());
		return switch (call.operation()) {
			case "DescribeRegions" -> regions(call);
			case "DescribeVpcs" -> vpcs(call, network);
			case "DescribeFlowLogs" -> flowLogs(call, network);
			case "DescribeSecurityGroups" -> securityGroups(call, network);
			case "DescribeNetworkAcls" -> networkAcls(call, network);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private String regions(Call call) {
		Ec2Request request = Ec2Request.of(call, protocol, Set.of("AllRegions", "DryRun"), Set.of("RegionName"));
		boolean all = request.bool("AllRegions", false);
		List<String> names = request.list("RegionName");
		for (String name : names) {
			if (org.regions().stream().noneMatch(r -> r.name().equals(name))) {
				throw protocol.invalidInput("Invalid region: " + name);
			}
		}
		String account = call.accountId();
		Predicate<AwsRegion> filter = request.filter(name -> switch (name) {
			case "region-name" -> r -> List.of(r.name());
			case "endpoint" -> r -> List.of("ec2." + r.name() + ".amazonaws.com");
			case "opt-in-status" -> r -> List.of(org.optInStatus(account, r.name()));
			default -> null;
		});
		request.dryRun();
		XmlWriter xml = new XmlWriter().start("regionInfo");
		org.regions()
			.stream()
			.filter(r -> names.isEmpty() ? all || org.regionEnabled(account, r.name()) : names.contains(r.name()))
			.filter(filter)
			.forEach(r -> Ec2Xml.region(xml, r.name(), org.optInStatus(account, r.name())));
		return xml.end().toString();
	}

	private String vpcs(Call call, RegionNetwork network) {
		Ec2Request request = Ec2Request.of(call, protocol, PAGED, Set.of("VpcId"));
		List<String> ids = request.list("VpcId");
		requireExisting(ids, network.vpcs(), Vpc::vpcId, "InvalidVpcID.NotFound", "The vpc ID '%s' does not exist");
		Predicate<Vpc> filter = request.filter(Ec2Filters::vpc);
		return page(request, 5, "vpcSet", network.vpcs(), ids, Vpc::vpcId, filter, Ec2Xml::vpc);
	}

	private String flowLogs(Call call, RegionNetwork network) {
		Ec2Request request = Ec2Request.of(call, protocol, PAGED, Set.of("FlowLogId"));
		Predicate<FlowLog> filter = request.filter(Ec2Filters::flowLog);
		// DescribeFlowLogs has no documented MaxResults range; EC2 pages at most 1000
		return page(request, 1, "flowLogSet", network.flowLogs(), request.list("FlowLogId"), FlowLog::flowLogId, filter,
				Ec2Xml::flowLog);
	}

	private String securityGroups(Call call, RegionNetwork network) {
		Ec2Request request = Ec2Request.of(call, protocol, PAGED, Set.of("GroupId", "GroupName"));
		List<String> ids = request.list("GroupId");
		requireExisting(ids, network.securityGroups(), SecurityGroup::groupId, "InvalidGroup.NotFound",
				"The security group '%s' does not exist");
		List<SecurityGroup> groups = byName(request.list("GroupName"), network);
		Predicate<SecurityGroup> filter = request.filter(Ec2Filters::securityGroup);
		return page(request, 5, "securityGroupInfo", groups, ids, SecurityGroup::groupId, filter,
				Ec2Xml::securityGroup);
	}

	/** GroupName.N names groups of the default VPC only, as in EC2. */
	private List<SecurityGroup> byName(List<String> names, RegionNetwork network) {
		if (names.isEmpty()) {
			return network.securityGroups();
		}
		Vpc defaultVpc = network.vpcs().stream().filter(Vpc::isDefault).findFirst().orElse(null);
		if (defaultVpc == null) {
			throw new SimException("VPCIdNotSpecified", 400,
					"No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.");
		}
		List<SecurityGroup> groups = network.securityGroups()
			.stream()
			.filter(g -> g.vpcId().equals(defaultVpc.vpcId()) && names.contains(g.groupName()))
			.toList();
		for (String name : names) {
			if (groups.stream().noneMatch(g -> g.groupName().equals(name))) {
				throw new SimException("InvalidGroup.NotFound", 400,
						"The security group '" + name + "' does not exist in default VPC '" + defaultVpc.vpcId() + "'");
			}
		}
		return groups;
	}

	private String networkAcls(Call call, RegionNetwork network) {
		Ec2Request request = Ec2Request.of(call, protocol, PAGED, Set.of("NetworkAclId"));
		List<String> ids = request.list("NetworkAclId");
		requireExisting(ids, network.networkAcls(), NetworkAcl::networkAclId, "InvalidNetworkAclID.NotFound",
				"The networkAcl ID '%s' does not exist");
		Predicate<NetworkAcl> filter = request.filter(Ec2Filters::networkAcl);
		return page(request, 5, "networkAclSet", network.networkAcls(), ids, NetworkAcl::networkAclId, filter,
				Ec2Xml::networkAcl);
	}

	/**
	 * One page of the items with the requested ids (all when none) that pass the filters,
	 * in {@code element}, and {@code nextToken} when there are more.
	 */
	private <T> String page(Ec2Request request, int minResults, String element, List<T> items, List<String> ids,
			Function<T, String> id, Predicate<T> filter, BiConsumer<XmlWriter, T> write) {
		Integer max = request.maxResults(minResults, 1000);
		request.dryRun();
		List<T> selected = items.stream()
			.filter(i -> ids.isEmpty() || ids.contains(id.apply(i)))
			.filter(filter)
			.toList();
		var page = Pagination.page(selected, request.nextToken(), max, 1000, 1000, protocol);
		XmlWriter xml = new XmlWriter().start(element);
		page.items().forEach(item -> write.accept(xml, item));
		return xml.end().element("nextToken", page.nextToken()).toString();
	}

	private static <T> void requireExisting(List<String> ids, List<T> items, Function<T, String> id, String code,
			String message) {
		for (String wanted : ids) {
			if (items.stream().noneMatch(i -> id.apply(i).equals(wanted))) {
				throw new SimException(code, 400, message.formatted(wanted));
			}
		}
	}

}
