package dev.evident.simulator.data;

import dev.evident.simulator.data.EdgeSpec.WafRuleSpec;
import dev.evident.simulator.data.EdgeSpec.WebAclSpec;
import dev.evident.simulator.model.WebAcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.evident.simulator.data.LoadBalancerBuilder.invalid;
import static dev.evident.simulator.data.LoadBalancerBuilder.oneOf;

/**
 * Expands the web ACLs of one account in one scope into model records, with ids, ARNs and
 * lock tokens derived from the account, the region and the names, and the capacity their
 * rules use.
 */
final class WebAclBuilder {

	/** The web ACL capacity units of AWS managed rule groups (others count 100). */
	private static final Map<String, Long> MANAGED_CAPACITY = Map.of("AWSManagedRulesCommonRuleSet", 700L,
			"AWSManagedRulesKnownBadInputsRuleSet", 200L, "AWSManagedRulesSQLiRuleSet", 200L,
			"AWSManagedRulesLinuxRuleSet", 200L, "AWSManagedRulesAmazonIpReputationList", 25L,
			"AWSManagedRulesAnonymousIpList", 50L, "AWSManagedRulesBotControlRuleSet", 50L);

	private WebAclBuilder() {
	}

	/**
	 * The web ACLs of {@code account} in {@code scope} (REGIONAL in {@code region}, or
	 * CLOUDFRONT, held in us-east-1), by name in data file order.
	 */
	static Map<String, WebAcl> build(String account, String region, String scope, List<WebAclSpec> specs) {
		Map<String, WebAcl> out = new LinkedHashMap<>();
		for (WebAclSpec spec : specs) {
			if (spec.name() == null || !spec.name().matches("[\\w\\-]{1,128}")) {
				throw invalid("web ACL names are 1-128 letters, digits, _ and -: " + spec.name());
			}
			if (out.containsKey(spec.name())) {
				throw invalid("two " + scope + " web ACLs named " + spec.name());
			}
			out.put(spec.name(), webAcl(account, region, scope, spec));
		}
		return out;
	}

	private static WebAcl webAcl(String account, String region, String scope, WebAclSpec spec) {
		String what = "web ACL " + spec.name();
		oneOf(spec.defaultAction(), what + " defaultAction", "allow", "block");
		String id = Ids.uuid("webacl/" + account + "/" + region + "/" + scope + "/" + spec.name());
		String arn = "arn:aws:wafv2:" + region + ":" + account + ":"
				+ (scope.equals("CLOUDFRONT") ? "global" : "regional") + "/webacl/" + spec.name() + "/" + id;
		List<WebAcl.Rule> rules = new ArrayList<>();
		Set<String> names = new HashSet<>();
		long capacity = 0;
		for (WafRuleSpec rule : spec.rules()) {
			if (rule.name() == null || !names.add(rule.name())) {
				throw invalid(what + ": rules need distinct names: " + rule.name());
			}
			WebAcl.Rule built = rule(rule, rules.size(), what);
			capacity += built.rateBased() ? 2 : MANAGED_CAPACITY.getOrDefault(built.managedRuleGroup(), 100L);
			rules.add(built);
		}
		List<String> logs = spec.logging() == null ? List.of() : List.of(logDestination(account, region, spec, what));
		return new WebAcl(spec.name(), id, arn, scope, region, spec.description(), Ids.uuid("locktoken/" + arn),
				spec.defaultAction().equals("allow") ? "Allow" : "Block", rules, capacity, logs);
	}

	private static WebAcl.Rule rule(WafRuleSpec spec, int priority, String what) {
		String rule = what + " rule " + spec.name();
		if ((spec.rateLimit() == null) == (spec.managedRuleGroup() == null)) {
			throw invalid(rule + " needs either rateLimit or managedRuleGroup");
		}
		if (spec.rateLimit() != null) {
			if (spec.rateLimit() < 10 || spec.rateLimit() > 2_000_000_000L) {
				throw invalid(rule + ": rateLimit must be 10 to 2000000000: " + spec.rateLimit());
			}
			String key = spec.aggregateKey() == null ? "IP" : spec.aggregateKey();
			oneOf(key, rule + " aggregateKey", "IP", "FORWARDED_IP");
			String action = spec.action() == null ? "block" : spec.action();
			oneOf(action, rule + " action", "block", "count");
			return new WebAcl.Rule(spec.name(), priority, spec.rateLimit(), key, 300L, null, null, capitalized(action));
		}
		String action = spec.action() == null ? "none" : spec.action();
		oneOf(action, rule + " action", "none", "count");
		return new WebAcl.Rule(spec.name(), priority, null, null, null, spec.vendor() == null ? "AWS" : spec.vendor(),
				spec.managedRuleGroup(), capitalized(action));
	}

	private static String logDestination(String account, String region, WebAclSpec spec, String what) {
		String name = "aws-waf-logs-" + spec.name();
		return switch (spec.logging()) {
			case "cloudwatch" -> "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
			case "s3" -> "arn:aws:s3:::" + name.toLowerCase() + "-" + account;
			case "firehose" -> "arn:aws:firehose:" + region + ":" + account + ":deliverystream/" + name;
			default -> throw invalid(what + " logging must be cloudwatch, s3 or firehose: " + spec.logging());
		};
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
