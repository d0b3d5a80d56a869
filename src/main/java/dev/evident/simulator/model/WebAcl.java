package dev.evident.simulator.model;

import java.util.List;

/**
 * A WAFv2 web ACL.
 *
 * @param scope {@code REGIONAL} or {@code CLOUDFRONT} (the latter held in us-east-1)
 * @param region the region it is read from (us-east-1 for CLOUDFRONT)
 * @param defaultAction {@code Allow} or {@code Block}
 * @param capacity the web ACL capacity units its rules use
 * @param logDestinations the destinations of its logging configuration; empty when it has
 * none
 */
public record WebAcl(String name, String id, String arn, String scope, String region, String description,
		String lockToken, String defaultAction, List<Rule> rules, long capacity, List<String> logDestinations) {

	public WebAcl {
		rules = List.copyOf(rules);
		logDestinations = List.copyOf(logDestinations);
	}

	/**
	 * A rule: a rate-based statement ({@code rateLimit}, {@code aggregateKeyType},
	 * {@code evaluationWindowSec}) or a managed rule group ({@code vendorName},
	 * {@code managedRuleGroup}). {@code action} is a rate-based rule's action
	 * ({@code Block} or {@code Count}); for a rule group it is the override action
	 * ({@code None} keeps the group's actions, {@code Count} only counts).
	 */
	public record Rule(String name, int priority, Long rateLimit, String aggregateKeyType, Long evaluationWindowSec,
			String vendorName, String managedRuleGroup, String action) {

		public boolean rateBased() {
			return rateLimit != null;
		}

	}

	public boolean logging() {
		return !logDestinations.isEmpty();
	}

}
