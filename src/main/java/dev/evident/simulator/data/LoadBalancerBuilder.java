package dev.evident.simulator.data;

import dev.evident.simulator.data.EdgeSpec.AttributesSpec;
import dev.evident.simulator.data.EdgeSpec.ListenerSpec;
import dev.evident.simulator.data.EdgeSpec.LoadBalancerSpec;
import dev.evident.simulator.model.Listener;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.model.LoadBalancer.Attribute;
import dev.evident.simulator.model.NetworkAcl;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.SecurityGroup;
import dev.evident.simulator.model.Vpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the load balancers of one account in one region into model records: ARNs, DNS
 * names and listener ARNs derived from the account, the region and the names; zones from
 * the subnets of the VPC; the full attribute list AWS answers, with the data file's
 * values where they differ from the defaults.
 */
final class LoadBalancerBuilder {

	static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

	/** The hosted zones of the load balancers' DNS names (application, network). */
	private static final Map<String, String[]> HOSTED_ZONES = Map.of("us-east-1",
			new String[] { "Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI" }, "us-west-2",
			new String[] { "Z1H1FL5HABSF5", "Z18D5FSROUN65G" }, "eu-west-1",
			new String[] { "Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F" }, "ap-northeast-1",
			new String[] { "Z14GRHDCWA56QT", "Z31USIVHYNEOWT" }, "ap-east-1",
			new String[] { "Z3DQVH9N71FHZ0", "Z12Y7K3UBGUAD1" });

	private final String account;

	private final String region;

	private final RegionNetwork network;

	private final Instant reference;

	LoadBalancerBuilder(String account, String region, RegionNetwork network, Instant reference) {
		this.account = account;
		this.region = region;
		this.network = network;
		this.reference = reference;
	}

	/** The load balancers, in data file order; {@code webAcls} maps names to ARNs. */
	List<LoadBalancer> build(List<LoadBalancerSpec> specs, Map<String, String> webAcls) {
		List<LoadBalancer> out = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (LoadBalancerSpec spec : specs) {
			if (spec.name() == null || !spec.name().matches("[a-zA-Z0-9](-?[a-zA-Z0-9]){0,31}")
					|| spec.name().startsWith("internal-")) {
				throw invalid("load balancer names are 1-32 letters, digits and inner hyphens: " + spec.name());
			}
			if (!names.add(spec.name())) {
				throw invalid("two load balancers named " + spec.name() + " in " + region);
			}
			out.add(loadBalancer(spec, webAcls));
		}
		return out;
	}

	private LoadBalancer loadBalancer(LoadBalancerSpec spec, Map<String, String> webAcls) {
		String what = "load balancer " + spec.name();
		oneOf(spec.type(), what + " type", "application", "network");
		oneOf(spec.scheme(), what + " scheme", "internet-facing", "internal");
		boolean application = spec.type().equals("application");
		Vpc vpc = network.vpcs()
			.stream()
			.filter(v -> spec.vpc() != null && spec.vpc().equals(v.name()))
			.findFirst()
			.orElseThrow(() -> invalid(what + ": no VPC named " + spec.vpc() + " in " + region));
		String id = Ids.hex("elb/" + account + "/" + region + "/" + spec.name(), 16);
		String kind = application ? "app" : "net";
		String arn = "arn:aws:elasticloadbalancing:" + region + ":" + account + ":loadbalancer/" + kind + "/"
				+ spec.name() + "/" + id;
		List<LoadBalancer.Zone> zones = zones(spec, vpc, application, what);
		String webAcl = null;
		if (spec.webAcl() != null) {
			if (!application) {
				throw invalid(what + ": only an application load balancer can be associated with a web ACL");
			}
			webAcl = webAcls.get(spec.webAcl());
			if (webAcl == null) {
				throw invalid(what + ": no REGIONAL web ACL named " + spec.webAcl() + " in " + region);
			}
		}
		List<Listener> listeners = new ArrayList<>();
		Set<Integer> ports = new HashSet<>();
		for (ListenerSpec listener : spec.listeners()) {
			Listener built = listener(listener, spec.name(), arn, kind, id, application);
			if (!ports.add(built.port())) {
				throw invalid(what + ": two listeners on port " + built.port());
			}
			listeners.add(built);
		}
		String[] zonesOf = HOSTED_ZONES.get(region);
		String hostedZone = zonesOf != null ? zonesOf[application ? 0 : 1]
				: "Z" + Ids.of("", "zone/" + region + "/" + kind, 13);
		return new LoadBalancer(arn, spec.name(), dnsName(spec, application, id), hostedZone,
				Ids.daysAgo(reference, spec.ageDays(), "elb/" + arn).plusMillis(Long.parseLong(id.substring(0, 2), 16)),
				spec.scheme(), vpc.vpcId(), spec.type(), zones, securityGroups(spec, vpc, application, what),
				attributes(spec.attributes(), application, what), listeners, webAcl);
	}

	private String dnsName(LoadBalancerSpec spec, boolean application, String id) {
		if (!application) {
			return spec.name() + "-" + id + ".elb." + region + ".amazonaws.com";
		}
		long digits = Long.parseLong(id.substring(0, 12), 16) % 9_000_000_000L + 1_000_000_000L;
		return (spec.scheme().equals("internal") ? "internal-" : "") + spec.name() + "-" + digits + "." + region
				+ ".elb.amazonaws.com";
	}

	/** One zone per subnet of the VPC, named after the region (a, b, c, ...). */
	private List<LoadBalancer.Zone> zones(LoadBalancerSpec spec, Vpc vpc, boolean application, String what) {
		List<String> subnets = network.networkAcls()
			.stream()
			.filter(acl -> acl.vpcId().equals(vpc.vpcId()))
			.flatMap(acl -> acl.associations().stream())
			.map(NetworkAcl.Association::subnetId)
			.toList();
		if (subnets.size() < (application ? 2 : 1)) {
			throw invalid(what + ": an " + spec.type() + " load balancer needs subnets in at least "
					+ (application ? 2 : 1) + " zones; VPC " + spec.vpc() + " has " + subnets.size());
		}
		if (spec.elasticIps() && (application || !spec.scheme().equals("internet-facing"))) {
			throw invalid(what + ": only an internet-facing network load balancer has Elastic IPs");
		}
		List<LoadBalancer.Zone> zones = new ArrayList<>();
		for (int i = 0; i < subnets.size(); i++) {
			String zone = region + (char) ('a' + i);
			String subnet = subnets.get(i);
			if (spec.elasticIps()) {
				String allocation = "eipalloc-" + Ids.hex("eip/" + account + "/" + subnet + "/" + spec.name(), 17);
				int host = Integer.parseInt(allocation.substring(9, 11), 16) % 254 + 1;
				zones.add(new LoadBalancer.Zone(zone, subnet, allocation, "203.0.113." + host));
			}
			else {
				zones.add(new LoadBalancer.Zone(zone, subnet, null, null));
			}
		}
		return zones;
	}

	private List<String> securityGroups(LoadBalancerSpec spec, Vpc vpc, boolean application, String what) {
		List<String> names = spec.securityGroups() != null ? spec.securityGroups()
				: application ? List.of("default") : List.of();
		List<String> ids = new ArrayList<>();
		for (String name : names) {
			ids.add(network.securityGroups()
				.stream()
				.filter(g -> g.vpcId().equals(vpc.vpcId()) && g.groupName().equals(name))
				.map(SecurityGroup::groupId)
				.findFirst()
				.orElseThrow(() -> invalid(what + ": no security group " + name + " in VPC " + spec.vpc())));
		}
		return ids;
	}

	private Listener listener(ListenerSpec spec, String lbName, String lbArn, String kind, String lbId,
			boolean application) {
		String protocol = spec.protocol();
		String what = "a listener of load balancer " + lbName;
		if (application) {
			oneOf(protocol, what + " protocol", "HTTP", "HTTPS");
		}
		else {
			oneOf(protocol, what + " protocol", "TCP", "TLS");
		}
		boolean secure = protocol.equals("HTTPS") || protocol.equals("TLS");
		int port = spec.port() != null ? spec.port() : secure ? 443 : 80;
		if (port < 1 || port > 65535) {
			throw invalid(what + ": port must be 1-65535: " + port);
		}
		if (!secure && spec.sslPolicy() != null) {
			throw invalid(what + ": only HTTPS and TLS listeners have an SSL policy");
		}
		String arn = "arn:aws:elasticloadbalancing:" + region + ":" + account + ":listener/" + kind + "/" + lbName + "/"
				+ lbId + "/" + Ids.hex("listener/" + lbArn + "/" + port, 16);
		Listener.Action action;
		if (spec.redirect() != null) {
			if (!protocol.startsWith("HTTP")) {
				throw invalid(what + ": only an application load balancer redirects");
			}
			oneOf(spec.redirect().protocol(), what + " redirect protocol", "HTTP", "HTTPS", "#{protocol}");
			int status = spec.redirect().statusCode();
			if (status != 301 && status != 302) {
				throw invalid(what + ": a redirect's status code is 301 or 302: " + status);
			}
			action = Listener.Action.redirect(spec.redirect().protocol(), spec.redirect().port(), "HTTP_" + status);
		}
		else {
			String group = (lbName.length() > 25 ? lbName.substring(0, 25) : lbName) + "-" + port;
			action = Listener.Action.forward("arn:aws:elasticloadbalancing:" + region + ":" + account + ":targetgroup/"
					+ group + "/" + Ids.hex("tg/" + lbArn + "/" + port, 16));
		}
		return new Listener(arn, lbArn, port, protocol,
				secure ? (spec.sslPolicy() == null ? DEFAULT_SSL_POLICY : spec.sslPolicy()) : null,
				secure ? "arn:aws:acm:" + region + ":" + account + ":certificate/" + Ids.uuid("acm/" + lbArn) : null,
				List.of(action));
	}

	/** The attributes DescribeLoadBalancerAttributes answers, in its order. */
	private static List<Attribute> attributes(AttributesSpec spec, boolean application, String what) {
		boolean logs = spec.accessLogsBucket() != null;
		List<Attribute> out = new ArrayList<>(List.of(attribute("access_logs.s3.enabled", logs),
				attribute("access_logs.s3.bucket", logs ? spec.accessLogsBucket() : ""),
				attribute("access_logs.s3.prefix",
						logs && spec.accessLogsPrefix() != null ? spec.accessLogsPrefix() : "")));
		if (!application) {
			if (spec.dropInvalidHeaderFields() || !spec.desyncMitigationMode().equals("defensive")) {
				throw invalid(what + ": header and desync attributes are an application load balancer's");
			}
			out.addAll(List.of(attribute("deletion_protection.enabled", spec.deletionProtection()),
					attribute("load_balancing.cross_zone.enabled", false),
					attribute("dns_record.client_routing_policy", "any_availability_zone"),
					attribute("zonal_shift.config.enabled", false)));
			return out;
		}
		oneOf(spec.desyncMitigationMode(), what + " desyncMitigationMode", "monitor", "defensive", "strictest");
		out.addAll(List.of(attribute("idle_timeout.timeout_seconds", 60),
				attribute("deletion_protection.enabled", spec.deletionProtection()),
				attribute("routing.http2.enabled", true),
				attribute("routing.http.drop_invalid_header_fields.enabled", spec.dropInvalidHeaderFields()),
				attribute("routing.http.xff_client_port.enabled", false),
				attribute("routing.http.preserve_host_header.enabled", false),
				attribute("routing.http.xff_header_processing.mode", "append"),
				attribute("load_balancing.cross_zone.enabled", true),
				attribute("routing.http.desync_mitigation_mode", spec.desyncMitigationMode()),
				attribute("client_keep_alive.seconds", 3600), attribute("waf.fail_open.enabled", false),
				attribute("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", false),
				attribute("connection_logs.s3.enabled", false), attribute("connection_logs.s3.bucket", ""),
				attribute("connection_logs.s3.prefix", ""), attribute("zonal_shift.config.enabled", false)));
		return out;
	}

	private static Attribute attribute(String key, Object value) {
		return new Attribute(key, String.valueOf(value));
	}

	static void oneOf(String value, String what, String... allowed) {
		if (!List.of(allowed).contains(value)) {
			throw invalid(what + " must be one of " + List.of(allowed) + ": " + value);
		}
	}

	static IllegalArgumentException invalid(String message) {
		return new IllegalArgumentException("organization data file: " + message);
	}

}
