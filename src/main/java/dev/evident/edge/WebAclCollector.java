package dev.evident.edge;

import java.util.ArrayList;
import java.util.List;

import dev.evident.aws.RawSink;
import dev.evident.edge.EntryPoints.WebAcl;

import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetLoggingConfigurationResponse;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListResourcesForWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.ResourceType;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;

/**
 * Reads the web ACLs of one scope (a region's REGIONAL ones, or CloudFront's in
 * us-east-1): each ACL's rules, what it is associated with (regional ACLs: the load
 * balancers; CloudFront's are named by the distributions themselves) and its logging,
 * keeping every response raw.
 */
public class WebAclCollector {

	static final int PAGE_SIZE = 100;

	private final Wafv2Client waf;

	private final RawSink raw;

	public WebAclCollector(Wafv2Client waf, RawSink raw) {
		this.waf = waf;
		this.raw = raw;
	}

	public List<WebAcl> collect(String region, Scope scope) {
		String folder = scope == Scope.CLOUDFRONT ? "cloudfront" : region;
		List<WebAcl> acls = new ArrayList<>();
		String marker = null;
		int page = 0;
		do {
			String current = marker;
			ListWebAcLsResponse r = waf.listWebACLs(b -> b.scope(scope).limit(PAGE_SIZE).nextMarker(current));
			raw.json("wafv2", folder + "/ListWebACLs-" + (++page), "ListWebACLs",
					"scope=" + scope + ";limit=" + PAGE_SIZE + ";page=" + page, r);
			for (var summary : r.webACLs()) {
				acls.add(acl(folder, scope, summary.name(), summary.id(), summary.arn()));
			}
			marker = r.nextMarker();
		}
		while (marker != null && !marker.isEmpty());
		return acls;
	}

	private WebAcl acl(String folder, Scope scope, String name, String id, String arn) {
		GetWebAclResponse got = waf.getWebACL(b -> b.name(name).id(id).scope(scope));
		raw.json("wafv2", folder + "/GetWebACL-" + name, "GetWebACL", "scope=" + scope + ";id=" + id, got);
		var acl = got.webACL();
		int rateBased = 0;
		List<String> managed = new ArrayList<>();
		for (Rule rule : acl.rules()) {
			if (rule.statement() == null) {
				continue;
			}
			if (rule.statement().rateBasedStatement() != null) {
				rateBased++;
			}
			if (rule.statement().managedRuleGroupStatement() != null) {
				managed.add(rule.statement().managedRuleGroupStatement().vendorName() + "/"
						+ rule.statement().managedRuleGroupStatement().name());
			}
		}
		List<String> resources = new ArrayList<>();
		if (scope == Scope.REGIONAL) {
			ListResourcesForWebAclResponse r = waf
				.listResourcesForWebACL(b -> b.webACLArn(arn).resourceType(ResourceType.APPLICATION_LOAD_BALANCER));
			raw.json("wafv2", folder + "/ListResourcesForWebACL-" + name, "ListResourcesForWebACL",
					"webACLArn=" + arn + ";resourceType=APPLICATION_LOAD_BALANCER", r);
			resources.addAll(r.resourceArns());
		}
		List<String> logging = new ArrayList<>();
		try {
			GetLoggingConfigurationResponse r = waf.getLoggingConfiguration(b -> b.resourceArn(arn));
			raw.json("wafv2", folder + "/GetLoggingConfiguration-" + name, "GetLoggingConfiguration",
					"resourceArn=" + arn, r);
			logging.addAll(r.loggingConfiguration().logDestinationConfigs());
		}
		catch (WafNonexistentItemException ex) {
			// no logging configured: itself evidence, kept as WAF answered
			raw.bytes("wafv2", folder + "/GetLoggingConfiguration-" + name + ".json", "GetLoggingConfiguration",
					"resourceArn=" + arn, ("{\"Error\": {\"Code\": \"WAFNonexistentItemException\"}}\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		String defaultAction = acl.defaultAction() == null ? null
				: acl.defaultAction().block() != null ? "BLOCK" : "ALLOW";
		return new WebAcl(arn, id, name, scope.toString(), acl.rules().size(), rateBased, managed, defaultAction,
				resources, logging);
	}

}
