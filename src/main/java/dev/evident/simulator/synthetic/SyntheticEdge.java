package dev.evident.simulator.synthetic;

import dev.evident.simulator.data.EdgeBuilder;
import dev.evident.simulator.data.EdgeSpec.AttributesSpec;
import dev.evident.simulator.data.EdgeSpec.CloudFrontSpec;
import dev.evident.simulator.data.EdgeSpec.DistributionSpec;
import dev.evident.simulator.data.EdgeSpec.ListenerSpec;
import dev.evident.simulator.data.EdgeSpec.LoadBalancerSpec;
import dev.evident.simulator.data.EdgeSpec.RedirectSpec;
import dev.evident.simulator.data.EdgeSpec.RegionEdgeSpec;
import dev.evident.simulator.data.EdgeSpec.ShieldSpec;
import dev.evident.simulator.data.EdgeSpec.WafRuleSpec;
import dev.evident.simulator.data.EdgeSpec.WebAclSpec;
import dev.evident.simulator.model.EdgeSource;
import dev.evident.simulator.model.GlobalEdge;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.model.NetworkSource;
import dev.evident.simulator.model.RegionEdge;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.Vpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The entry points of synthetic accounts, generated on demand (never held) from the seed,
 * the account and the region, in the VPCs of {@link SyntheticNetwork}: zero to two load
 * balancers per region (about two in three internet-facing; application load balancers
 * where the VPC has two subnets or more), most internet-facing application load balancers
 * behind a logged web ACL and a few not; a distribution on about a third of the accounts,
 * most behind a CLOUDFRONT web ACL; Shield Advanced on a few accounts.
 */
final class SyntheticEdge implements EdgeSource {

	private final long seed;

	private final Instant reference;

	private final Set<String> accounts;

	private final Set<String> regions;

	private final NetworkSource networks;

	SyntheticEdge(long seed, Instant reference, Set<String> accounts, Set<String> regions, NetworkSource networks) {
		this.seed = seed;
		this.reference = reference;
		this.accounts = accounts;
		this.regions = regions;
		this.networks = networks;
	}

	@Override
	public RegionEdge regional(String accountId, String region) {
		if (!accounts.contains(accountId) || !regions.contains(region)) {
			return RegionEdge.EMPTY;
		}
		RegionNetwork network = networks.network(accountId, region);
		return EdgeBuilder.regional(accountId, region, spec(accountId, region, network), network, reference);
	}

	@Override
	public GlobalEdge global(String accountId) {
		if (!accounts.contains(accountId)) {
			return GlobalEdge.EMPTY;
		}
		List<LoadBalancer> loadBalancers = new ArrayList<>();
		for (String region : SyntheticNetwork.REGIONS) {
			loadBalancers.addAll(regional(accountId, region).loadBalancers());
		}
		Random rnd = random("global/" + accountId);
		CloudFrontSpec cloudFront = rnd.nextInt(100) < 30 ? cloudFront(rnd, accountId, loadBalancers) : null;
		ShieldSpec shield = rnd.nextInt(100) < 4 ? shield(rnd, loadBalancers, cloudFront) : null;
		if (cloudFront == null && shield == null) {
			return GlobalEdge.EMPTY;
		}
		return EdgeBuilder.global(accountId, cloudFront, shield, loadBalancers, reference);
	}

	/** The load balancers and web ACLs of an account in a region, from the seed. */
	RegionEdgeSpec spec(String accountId, String region, RegionNetwork network) {
		Random rnd = random("edge/" + accountId + "/" + region);
		int count = rnd.nextInt(3);
		List<LoadBalancerSpec> lbs = new ArrayList<>(count);
		boolean protectedAny = false;
		for (int i = 0; i < count; i++) {
			Vpc vpc = network.vpcs().get(i % network.vpcs().size());
			long subnets = network.networkAcls()
				.stream()
				.filter(acl -> acl.vpcId().equals(vpc.vpcId()))
				.mapToLong(acl -> acl.associations().size())
				.sum();
			boolean internetFacing = rnd.nextInt(100) < 65;
			boolean application = subnets >= 2 && rnd.nextInt(100) < 85;
			String name = (internetFacing ? "edge-" : "private-") + region + "-" + i;
			String scheme = internetFacing ? "internet-facing" : "internal";
			if (!application) {
				lbs.add(new LoadBalancerSpec(name, vpc.name(), "network", scheme, null,
						internetFacing && rnd.nextBoolean(),
						List.of(new ListenerSpec(rnd.nextBoolean() ? "TCP" : "TLS", 443, null, null)),
						new AttributesSpec(false, null, null, null, rnd.nextBoolean()), null, 30 + rnd.nextInt(1500)));
				continue;
			}
			String webAcl = internetFacing && rnd.nextInt(100) < 85 ? "regional-waf" : null;
			protectedAny |= webAcl != null;
			lbs.add(new LoadBalancerSpec(name, vpc.name(), "application", scheme, null, false,
					internetFacing ? publicListeners(rnd) : List.of(new ListenerSpec("HTTP", 80, null, null)),
					attributes(rnd, accountId), webAcl, 30 + rnd.nextInt(1500)));
		}
		List<WebAclSpec> acls = new ArrayList<>();
		if (protectedAny) {
			acls.add(new WebAclSpec("regional-waf", "Regional protection", null,
					List.of(new WafRuleSpec("rate-limit", 1000L + 500L * rnd.nextInt(9), null, null, null, null),
							new WafRuleSpec("aws-common", null, null, "AWSManagedRulesCommonRuleSet", null,
									rnd.nextInt(10) == 0 ? "count" : null)),
					logging(rnd, 80)));
		}
		if (rnd.nextInt(10) == 0) {
			acls.add(new WebAclSpec("unused-waf", null, null, List
				.of(new WafRuleSpec("aws-bad-inputs", null, null, "AWSManagedRulesKnownBadInputsRuleSet", null, null)),
					null));
		}
		return new RegionEdgeSpec(lbs, acls);
	}

	private static List<ListenerSpec> publicListeners(Random rnd) {
		int kind = rnd.nextInt(10);
		String policy = rnd.nextInt(10) == 0 ? "ELBSecurityPolicy-2016-08" : null;
		return switch (kind) {
			case 0 -> List.of(new ListenerSpec("HTTP", 80, null, null));
			case 1 -> List.of(new ListenerSpec("HTTPS", 443, policy, null));
			default -> List.of(new ListenerSpec("HTTPS", 443, policy, null),
					new ListenerSpec("HTTP", 80, null, new RedirectSpec(null, null, null)));
		};
	}

	private static AttributesSpec attributes(Random rnd, String accountId) {
		int desync = rnd.nextInt(100);
		return new AttributesSpec(rnd.nextInt(100) < 70,
				desync < 10 ? "monitor" : desync < 85 ? "defensive" : "strictest",
				rnd.nextInt(100) < 75 ? "alb-logs-" + accountId : null, null, rnd.nextInt(100) < 60);
	}

	private static CloudFrontSpec cloudFront(Random rnd, String accountId, List<LoadBalancer> loadBalancers) {
		String origin = loadBalancers.stream()
			.filter(lb -> lb.internetFacing() && lb.type().equals("application"))
			.map(LoadBalancer::name)
			.findFirst()
			.orElse("assets-" + accountId + ".s3.us-east-1.amazonaws.com");
		int viewer = rnd.nextInt(100);
		boolean protect = rnd.nextInt(100) < 70;
		List<WebAclSpec> acls = protect
				? List.of(new WebAclSpec("cdn-waf", null, null,
						List.of(new WafRuleSpec("rate-limit", 2000L, null, null, null, null)), logging(rnd, 75)))
				: List.of();
		return new CloudFrontSpec(acls,
				List.of(new DistributionSpec("cdn", true,
						rnd.nextBoolean() ? List.of("cdn-" + accountId + ".example.com") : List.of(), origin,
						viewer < 70 ? "redirect-to-https" : viewer < 85 ? "https-only" : "allow-all",
						protect ? "cdn-waf" : null, 30 + rnd.nextInt(900))));
	}

	private static ShieldSpec shield(Random rnd, List<LoadBalancer> loadBalancers, CloudFrontSpec cloudFront) {
		List<String> protections = new ArrayList<>();
		for (LoadBalancer lb : loadBalancers) {
			boolean eips = lb.availabilityZones().stream().anyMatch(z -> z.allocationId() != null);
			if (lb.internetFacing() && (lb.type().equals("application") || eips)) {
				protections.add(lb.name());
			}
		}
		if (cloudFront != null) {
			protections.add("cdn");
		}
		return new ShieldSpec(rnd.nextInt(10) < 7 ? "ENABLED" : "DISABLED", rnd.nextBoolean() ? "ENABLED" : "DISABLED",
				rnd.nextInt(10) < 6 ? "AWSShieldDRTAccessRole" : null, List.of(), protections, 10 + rnd.nextInt(300));
	}

	/** A WAF logging destination in {@code percent} of the web ACLs. */
	private static String logging(Random rnd, int percent) {
		if (rnd.nextInt(100) >= percent) {
			return null;
		}
		return switch (rnd.nextInt(3)) {
			case 0 -> "cloudwatch";
			case 1 -> "s3";
			default -> "firehose";
		};
	}

	private Random random(String what) {
		return new Random(Mix.mix(seed ^ Mix.hash(what)));
	}

}
