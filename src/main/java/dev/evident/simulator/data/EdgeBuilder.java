package dev.evident.simulator.data;

import dev.evident.simulator.data.EdgeSpec.CloudFrontSpec;
import dev.evident.simulator.data.EdgeSpec.DistributionSpec;
import dev.evident.simulator.data.EdgeSpec.RegionEdgeSpec;
import dev.evident.simulator.data.EdgeSpec.ShieldSpec;
import dev.evident.simulator.model.Distribution;
import dev.evident.simulator.model.GlobalEdge;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.model.RegionEdge;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.ShieldSubscription;
import dev.evident.simulator.model.WebAcl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.evident.simulator.data.LoadBalancerBuilder.invalid;
import static dev.evident.simulator.data.LoadBalancerBuilder.oneOf;

/**
 * Expands an account's entry points: per region its load balancers (in the VPCs of its
 * network there) and REGIONAL web ACLs; globally its CLOUDFRONT web ACLs, distributions
 * and Shield Advanced subscription, whose protections name the account's load balancers
 * and distributions.
 */
public final class EdgeBuilder {

	/** The one-year commitment of a Shield Advanced subscription. */
	static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;

	private EdgeBuilder() {
	}

	/** The load balancers and REGIONAL web ACLs of {@code account} in {@code region}. */
	public static RegionEdge regional(String account, String region, RegionEdgeSpec spec, RegionNetwork network,
			Instant reference) {
		Map<String, WebAcl> webAcls = WebAclBuilder.build(account, region, "REGIONAL", spec.webAcls());
		Map<String, String> arns = new HashMap<>();
		webAcls.forEach((name, acl) -> arns.put(name, acl.arn()));
		List<LoadBalancer> loadBalancers = new LoadBalancerBuilder(account, region, network, reference)
			.build(spec.loadBalancers(), arns);
		return new RegionEdge(loadBalancers, List.copyOf(webAcls.values()));
	}

	/**
	 * The distributions, CLOUDFRONT web ACLs and Shield subscription of {@code account};
	 * {@code loadBalancers} are its load balancers in every region (origins and
	 * protections name them). A null spec is none.
	 */
	public static GlobalEdge global(String account, CloudFrontSpec cloudFront, ShieldSpec shield,
			List<LoadBalancer> loadBalancers, Instant reference) {
		CloudFrontSpec cf = cloudFront == null ? new CloudFrontSpec(null, null) : cloudFront;
		Map<String, WebAcl> webAcls = WebAclBuilder.build(account, "us-east-1", "CLOUDFRONT", cf.webAcls());
		Map<String, Distribution> distributions = new LinkedHashMap<>();
		for (DistributionSpec spec : cf.distributions()) {
			if (spec.name() == null || distributions.containsKey(spec.name())) {
				throw invalid("distributions need distinct names: " + spec.name());
			}
			distributions.put(spec.name(), distribution(account, spec, webAcls, loadBalancers, reference));
		}
		ShieldSubscription subscription = shield == null ? null
				: shield(account, shield, loadBalancers, distributions, reference);
		return new GlobalEdge(List.copyOf(distributions.values()), List.copyOf(webAcls.values()), subscription);
	}

	private static Distribution distribution(String account, DistributionSpec spec, Map<String, WebAcl> webAcls,
			List<LoadBalancer> loadBalancers, Instant reference) {
		String what = "distribution " + spec.name();
		oneOf(spec.viewerProtocolPolicy(), what + " viewerProtocolPolicy", "allow-all", "https-only",
				"redirect-to-https");
		if (spec.origin() == null) {
			throw invalid(what + " needs an origin");
		}
		String salt = "cloudfront/" + account + "/" + spec.name();
		String id = Ids.of("E", salt, 13);
		List<LoadBalancer> named = loadBalancers.stream().filter(lb -> lb.name().equals(spec.origin())).toList();
		if (named.size() > 1) {
			throw invalid(what + ": origin " + spec.origin() + " names load balancers in several regions");
		}
		String domain = named.isEmpty() ? spec.origin() : named.get(0).dnsName();
		String webAcl = "";
		if (spec.webAcl() != null) {
			WebAcl acl = webAcls.get(spec.webAcl());
			if (acl == null) {
				throw invalid(what + ": no CLOUDFRONT web ACL named " + spec.webAcl());
			}
			webAcl = acl.arn();
		}
		boolean custom = !spec.aliases().isEmpty();
		return new Distribution(id, "arn:aws:cloudfront::" + account + ":distribution/" + id,
				"d" + Ids.hex(salt, 13) + ".cloudfront.net", spec.name(), spec.enabled(),
				Ids.daysAgo(reference, spec.ageDays(), salt), spec.aliases(),
				new Distribution.Origin(domain, domain, named.isEmpty() && domain.contains(".s3.")),
				spec.viewerProtocolPolicy(), webAcl,
				custom ? "arn:aws:acm:us-east-1:" + account + ":certificate/" + Ids.uuid("acm/" + salt) : null,
				custom ? "TLSv1.2_2021" : "TLSv1");
	}

	private static ShieldSubscription shield(String account, ShieldSpec spec, List<LoadBalancer> loadBalancers,
			Map<String, Distribution> distributions, Instant reference) {
		oneOf(spec.autoRenew(), "shield autoRenew", "ENABLED", "DISABLED");
		oneOf(spec.proactiveEngagement(), "shield proactiveEngagement", "ENABLED", "DISABLED", "PENDING");
		Instant start = Ids.daysAgo(reference, spec.ageDays(), "shield/" + account);
		List<ShieldSubscription.Protection> protections = new ArrayList<>();
		for (String name : spec.protections()) {
			Distribution distribution = distributions.get(name);
			List<LoadBalancer> named = loadBalancers.stream().filter(lb -> lb.name().equals(name)).toList();
			if (distribution != null) {
				protections.add(protection(account, name, distribution.arn(), "CLOUDFRONT_DISTRIBUTION"));
			}
			else if (named.size() != 1) {
				throw invalid("shield protects " + name + ": not exactly one load balancer or distribution");
			}
			else if (named.get(0).type().equals("application")) {
				protections.add(protection(account, name, named.get(0).arn(), "APPLICATION_LOAD_BALANCER"));
			}
			else {
				LoadBalancer nlb = named.get(0);
				String region = nlb.arn().split(":")[3];
				List<LoadBalancer.Zone> eips = nlb.availabilityZones()
					.stream()
					.filter(z -> z.allocationId() != null)
					.toList();
				if (eips.isEmpty()) {
					throw invalid("shield protects network load balancer " + name
							+ " through its Elastic IPs, and it has none (elasticIps: true)");
				}
				for (LoadBalancer.Zone zone : eips) {
					protections.add(protection(account, name + "-" + zone.zoneName(),
							"arn:aws:ec2:" + region + ":" + account + ":eip-allocation/" + zone.allocationId(),
							"ELASTIC_IP_ALLOCATION"));
				}
			}
		}
		return new ShieldSubscription("arn:aws:shield::" + account + ":subscription/" + Ids.hex("sub/" + account, 12),
				start, start.plus(Duration.ofSeconds(ONE_YEAR_SECONDS)), ONE_YEAR_SECONDS, spec.autoRenew(),
				spec.proactiveEngagement(),
				spec.drtRole() == null ? null : "arn:aws:iam::" + account + ":role/" + spec.drtRole(),
				spec.drtLogBuckets(), protections);
	}

	private static ShieldSubscription.Protection protection(String account, String name, String resourceArn,
			String type) {
		String id = Ids.uuid("protection/" + account + "/" + resourceArn);
		return new ShieldSubscription.Protection(id, name, resourceArn,
				"arn:aws:shield::" + account + ":protection/" + id, type);
	}

}
