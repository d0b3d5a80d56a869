package dev.evident.simulator.service;

import dev.evident.simulator.model.Listener;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.server.XmlWriter;

/**
 * The ELBv2 shapes as the query protocol writes them: the botocore model's member names,
 * lists as {@code <Name><member>}, timestamps in ISO-8601.
 */
final class ElbXml {

	private ElbXml() {
	}

	static void loadBalancer(XmlWriter xml, LoadBalancer lb) {
		xml.start("member")
			.element("LoadBalancerArn", lb.arn())
			.element("DNSName", lb.dnsName())
			.element("CanonicalHostedZoneId", lb.canonicalHostedZoneId())
			.time("CreatedTime", lb.createdTime())
			.element("LoadBalancerName", lb.name())
			.element("Scheme", lb.scheme())
			.element("VpcId", lb.vpcId())
			.start("State")
			.element("Code", "active")
			.end()
			.element("Type", lb.type())
			.start("AvailabilityZones");
		for (LoadBalancer.Zone zone : lb.availabilityZones()) {
			xml.start("member")
				.element("ZoneName", zone.zoneName())
				.element("SubnetId", zone.subnetId())
				.start("LoadBalancerAddresses");
			if (zone.allocationId() != null) {
				xml.start("member")
					.element("IpAddress", zone.ipAddress())
					.element("AllocationId", zone.allocationId())
					.end();
			}
			xml.end().end();
		}
		xml.end().start("SecurityGroups");
		lb.securityGroups().forEach(group -> xml.element("member", group));
		xml.end().element("IpAddressType", "ipv4").end();
	}

	static void attribute(XmlWriter xml, LoadBalancer.Attribute attribute) {
		xml.start("member").element("Key", attribute.key()).element("Value", attribute.value()).end();
	}

	static void listener(XmlWriter xml, Listener listener) {
		xml.start("member")
			.element("ListenerArn", listener.arn())
			.element("LoadBalancerArn", listener.loadBalancerArn())
			.element("Port", listener.port())
			.element("Protocol", listener.protocol());
		if (listener.certificateArn() != null) {
			xml.start("Certificates").start("member").element("CertificateArn", listener.certificateArn()).end().end();
		}
		xml.element("SslPolicy", listener.sslPolicy()).start("DefaultActions");
		for (Listener.Action action : listener.defaultActions()) {
			xml.start("member").element("Type", action.type());
			if (action.type().equals("forward")) {
				xml.element("TargetGroupArn", action.targetGroupArn())
					.start("ForwardConfig")
					.start("TargetGroups")
					.start("member")
					.element("TargetGroupArn", action.targetGroupArn())
					.element("Weight", 1)
					.end()
					.end()
					.start("TargetGroupStickinessConfig")
					.element("Enabled", false)
					.end()
					.end();
			}
			else {
				xml.start("RedirectConfig")
					.element("Protocol", action.redirectProtocol())
					.element("Port", action.redirectPort())
					.element("Host", "#{host}")
					.element("Path", "/#{path}")
					.element("Query", "#{query}")
					.element("StatusCode", action.redirectStatusCode())
					.end();
			}
			xml.end();
		}
		xml.end().end();
	}

}
