package dev.evident.simulator.service;

import dev.evident.simulator.model.FlowLog;
import dev.evident.simulator.model.NetworkAcl;
import dev.evident.simulator.model.SecurityGroup;
import dev.evident.simulator.model.Vpc;
import dev.evident.simulator.server.XmlWriter;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The EC2 shapes as the ec2 protocol writes them: the botocore model's
 * {@code locationName}s, lists as {@code <xxxSet><item>}.
 */
final class Ec2Xml {

	/** The log format of a flow log created without one. */
	static final String DEFAULT_LOG_FORMAT = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} "
			+ "${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

	/** EC2's timestamps: ISO-8601 in UTC with milliseconds. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Ec2Xml() {
	}

	static void region(XmlWriter xml, String name, String optInStatus) {
		xml.start("item")
			.element("regionName", name)
			.element("regionEndpoint", "ec2." + name + ".amazonaws.com")
			.element("optInStatus", optInStatus)
			.end();
	}

	static void vpc(XmlWriter xml, Vpc vpc) {
		xml.start("item")
			.element("vpcId", vpc.vpcId())
			.element("ownerId", vpc.ownerId())
			.element("state", "available")
			.element("cidrBlock", vpc.cidrBlock())
			.start("cidrBlockAssociationSet")
			.start("item")
			.element("associationId", vpc.cidrAssociationId())
			.element("cidrBlock", vpc.cidrBlock())
			.start("cidrBlockState")
			.element("state", "associated")
			.end()
			.end()
			.end()
			.element("dhcpOptionsId", vpc.dhcpOptionsId())
			.element("instanceTenancy", "default")
			.element("isDefault", vpc.isDefault())
			.start("tagSet");
		if (vpc.name() != null) {
			xml.start("item").element("key", "Name").element("value", vpc.name()).end();
		}
		xml.end().end();
	}

	static void flowLog(XmlWriter xml, FlowLog log) {
		xml.start("item")
			.element("creationTime", TIME.format(log.creationTime()))
			.element("deliverLogsErrorMessage", log.deliverLogsErrorMessage())
			.element("deliverLogsPermissionArn", log.deliverLogsPermissionArn())
			.element("deliverLogsStatus", log.deliverLogsStatus())
			.element("flowLogId", log.flowLogId())
			.element("flowLogStatus", log.flowLogStatus())
			.element("logGroupName", log.logGroupName())
			.element("resourceId", log.resourceId())
			.element("trafficType", log.trafficType())
			.element("logDestinationType", log.logDestinationType())
			.element("logDestination", log.logDestination())
			.element("logFormat", DEFAULT_LOG_FORMAT)
			.start("tagSet")
			.end()
			.element("maxAggregationInterval", 600);
		if (log.logDestinationType().equals("s3")) {
			xml.start("destinationOptions")
				.element("fileFormat", "plain-text")
				.element("hiveCompatiblePartitions", false)
				.element("perHourPartition", false)
				.end();
		}
		xml.end();
	}

	static void securityGroup(XmlWriter xml, SecurityGroup group) {
		xml.start("item")
			.element("ownerId", group.ownerId())
			.element("groupId", group.groupId())
			.element("groupName", group.groupName())
			.element("groupDescription", group.description());
		permissions(xml, "ipPermissions", group.ingress());
		permissions(xml, "ipPermissionsEgress", group.egress());
		xml.element("vpcId", group.vpcId()).element("securityGroupArn", group.arn()).end();
	}

	private static void permissions(XmlWriter xml, String element, List<SecurityGroup.Permission> permissions) {
		xml.start(element);
		for (SecurityGroup.Permission p : permissions) {
			xml.start("item")
				.element("ipProtocol", p.ipProtocol())
				.element("fromPort", p.fromPort())
				.element("toPort", p.toPort())
				.start("groups");
			p.groups()
				.forEach(g -> xml.start("item").element("userId", g.userId()).element("groupId", g.groupId()).end());
			xml.end().start("ipRanges");
			p.ipv4Ranges()
				.forEach(r -> xml.start("item")
					.element("cidrIp", r.cidr())
					.element("description", r.description())
					.end());
			xml.end().start("ipv6Ranges");
			p.ipv6Ranges()
				.forEach(r -> xml.start("item")
					.element("cidrIpv6", r.cidr())
					.element("description", r.description())
					.end());
			xml.end().start("prefixListIds");
			p.prefixListIds().forEach(id -> xml.start("item").element("prefixListId", id).end());
			xml.end().end();
		}
		xml.end();
	}

	static void networkAcl(XmlWriter xml, NetworkAcl acl) {
		xml.start("item")
			.element("networkAclId", acl.networkAclId())
			.element("vpcId", acl.vpcId())
			.element("default", acl.isDefault())
			.start("entrySet");
		for (NetworkAcl.Entry e : acl.entries()) {
			xml.start("item")
				.element("ruleNumber", e.ruleNumber())
				.element("protocol", e.protocol())
				.element("ruleAction", e.ruleAction())
				.element("egress", e.egress())
				.element("cidrBlock", e.cidrBlock())
				.element("ipv6CidrBlock", e.ipv6CidrBlock());
			if (e.fromPort() != null) {
				xml.start("portRange").element("from", e.fromPort()).element("to", e.toPort()).end();
			}
			xml.end();
		}
		xml.end().start("associationSet");
		for (NetworkAcl.Association a : acl.associations()) {
			xml.start("item")
				.element("networkAclAssociationId", a.networkAclAssociationId())
				.element("networkAclId", a.networkAclId())
				.element("subnetId", a.subnetId())
				.end();
		}
		xml.end().start("tagSet").end().element("ownerId", acl.ownerId()).end();
	}

}
