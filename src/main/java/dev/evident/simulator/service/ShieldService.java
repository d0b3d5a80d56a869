package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.ShieldSubscription;
import dev.evident.simulator.model.ShieldSubscription.Protection;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.JsonProtocol;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shield Advanced (JSON 1.1), a global service: the calling account's subscription, its
 * protections (paginated with NextToken/MaxResults, 20 by default) and the DDoS Response
 * Team's access, whatever region the call is signed for. An account without a
 * subscription is INACTIVE, and the other calls answer {@code ResourceNotFoundException}
 * ("The subscription does not exist.", 400), as AWS does.
 */
public final class ShieldService implements Service {

	private final JsonProtocol protocol = new JsonProtocol("AWSShield_20160616",
			Set.of("GetSubscriptionState", "DescribeSubscription", "ListProtections", "DescribeDRTAccess"),
			new JsonProtocol.Errors("InternalErrorException", "InvalidParameterException", "ThrottlingException",
					"Rate exceeded"));

	private final SimulatedOrganization org;

	public ShieldService(SimulatedOrganization org) {
		this.org = org;
	}

	@Override
	public String name() {
		return "shield";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		ShieldSubscription subscription = org.globalEdge(call.accountId()).shield();
		if (call.operation().equals("GetSubscriptionState")) {
			return Json.obj().put("SubscriptionState", subscription == null ? "INACTIVE" : "ACTIVE");
		}
		if (subscription == null) {
			throw new SimException("ResourceNotFoundException", 400, "The subscription does not exist.");
		}
		return switch (call.operation()) {
			case "DescribeSubscription" -> Json.obj().set("Subscription", subscription(subscription));
			case "ListProtections" -> protections(call, subscription);
			case "DescribeDRTAccess" -> drtAccess(subscription);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private static ObjectNode subscription(ShieldSubscription s) {
		ObjectNode node = Json.obj();
		Json.epoch(node, "StartTime", s.startTime());
		Json.epoch(node, "EndTime", s.endTime());
		node.put("TimeCommitmentInSeconds", s.timeCommitmentInSeconds()).put("AutoRenew", s.autoRenew());
		node.set("Limits", resourceLimits());
		node.put("ProactiveEngagementStatus", s.proactiveEngagementStatus());
		ObjectNode limits = node.putObject("SubscriptionLimits");
		limits.putObject("ProtectionLimits").set("ProtectedResourceTypeLimits", resourceLimits());
		limits.putObject("ProtectionGroupLimits")
			.put("MaxProtectionGroups", 20)
			.putObject("PatternTypeLimits")
			.putObject("ArbitraryPatternLimits")
			.put("MaxMembers", 10_000);
		return node.put("SubscriptionArn", s.subscriptionArn());
	}

	private static ArrayNode resourceLimits() {
		ArrayNode limits = Json.arr();
		limits.addObject().put("Type", "ELASTIC_IP_ADDRESS").put("Max", 100);
		limits.addObject().put("Type", "APPLICATION_LOAD_BALANCER").put("Max", 50);
		return limits;
	}

	private ObjectNode protections(Call call, ShieldSubscription subscription) {
		Integer max = call.integer("MaxResults");
		if (max != null && (max < 0 || max > 10_000)) {
			throw protocol.invalidInput("MaxResults must be between 0 and 10000");
		}
		List<Protection> selected = subscription.protections().stream().filter(filter(call.json())).toList();
		var page = Pagination.page(selected, call.text("NextToken"), max == null || max == 0 ? 20 : max, 20, 10_000,
				message -> new SimException("InvalidPaginationTokenException", 400, message));
		ObjectNode result = Json.obj();
		ArrayNode list = result.putArray("Protections");
		for (Protection p : page.items()) {
			ObjectNode node = list.addObject()
				.put("Id", p.id())
				.put("Name", p.name())
				.put("ResourceArn", p.resourceArn());
			node.putArray("HealthCheckIds");
			node.put("ProtectionArn", p.protectionArn());
		}
		Json.put(result, "NextToken", page.nextToken());
		return result;
	}

	/** The InclusionFilters: one value each, as the model allows. */
	private Predicate<Protection> filter(JsonNode json) {
		JsonNode filters = json.get("InclusionFilters");
		if (filters == null || filters.isNull()) {
			return p -> true;
		}
		List<Predicate<Protection>> all = new ArrayList<>();
		all.add(values(filters, "ResourceArns", Protection::resourceArn));
		all.add(values(filters, "ProtectionNames", Protection::name));
		all.add(values(filters, "ResourceTypes", Protection::resourceType));
		return all.stream().reduce(p -> true, Predicate::and);
	}

	private Predicate<Protection> values(JsonNode filters, String name,
			java.util.function.Function<Protection, String> field) {
		JsonNode values = filters.get(name);
		if (values == null || values.isNull()) {
			return p -> true;
		}
		if (!values.isArray() || values.size() != 1) {
			throw protocol.invalidInput("InclusionFilters." + name + " takes exactly one value");
		}
		String wanted = values.get(0).asText();
		return p -> wanted.equals(field.apply(p));
	}

	private static ObjectNode drtAccess(ShieldSubscription s) {
		ObjectNode node = Json.obj();
		Json.put(node, "RoleArn", s.drtRoleArn());
		ArrayNode buckets = node.putArray("LogBucketList");
		s.drtLogBuckets().forEach(buckets::add);
		return node;
	}

}
