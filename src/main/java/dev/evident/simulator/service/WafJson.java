package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.WebAcl;
import dev.evident.simulator.server.Json;

/** The WAFv2 shapes as JSON 1.1 writes them: the botocore model's member names. */
final class WafJson {

	private WafJson() {
	}

	static ObjectNode summary(WebAcl acl) {
		ObjectNode node = Json.obj().put("Name", acl.name()).put("Id", acl.id());
		Json.put(node, "Description", acl.description());
		return node.put("LockToken", acl.lockToken()).put("ARN", acl.arn());
	}

	static ObjectNode webAcl(WebAcl acl, String account) {
		ObjectNode node = Json.obj().put("Name", acl.name()).put("Id", acl.id()).put("ARN", acl.arn());
		node.putObject("DefaultAction").putObject(acl.defaultAction());
		Json.put(node, "Description", acl.description());
		ArrayNode rules = node.putArray("Rules");
		for (WebAcl.Rule rule : acl.rules()) {
			ObjectNode r = rules.addObject().put("Name", rule.name()).put("Priority", rule.priority());
			ObjectNode statement = r.putObject("Statement");
			if (rule.rateBased()) {
				statement.putObject("RateBasedStatement")
					.put("Limit", rule.rateLimit())
					.put("EvaluationWindowSec", rule.evaluationWindowSec())
					.put("AggregateKeyType", rule.aggregateKeyType());
				r.putObject("Action").putObject(rule.action());
			}
			else {
				statement.putObject("ManagedRuleGroupStatement")
					.put("VendorName", rule.vendorName())
					.put("Name", rule.managedRuleGroup());
				r.putObject("OverrideAction").putObject(rule.action());
			}
			r.set("VisibilityConfig", visibility(rule.name()));
		}
		node.set("VisibilityConfig", visibility(acl.name()));
		return node.put("Capacity", acl.capacity())
			.put("ManagedByFirewallManager", false)
			.put("LabelNamespace", "awswaf:" + account + ":webacl:" + acl.name() + ":")
			.put("RetrofittedByFirewallManager", false);
	}

	static ObjectNode loggingConfiguration(WebAcl acl) {
		ObjectNode node = Json.obj().put("ResourceArn", acl.arn());
		ArrayNode destinations = node.putArray("LogDestinationConfigs");
		acl.logDestinations().forEach(destinations::add);
		return node.put("ManagedByFirewallManager", false).put("LogType", "WAF_LOGS").put("LogScope", "CUSTOMER");
	}

	private static ObjectNode visibility(String metric) {
		return Json.obj()
			.put("SampledRequestsEnabled", true)
			.put("CloudWatchMetricsEnabled", true)
			.put("MetricName", metric);
	}

}
