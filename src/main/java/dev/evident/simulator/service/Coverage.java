package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.SimException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * ListCoverage: every resource that carries a visible finding is covered (scan status
 * ACTIVE).
 */
final class Coverage {

	record Covered(String accountId, String resourceType, String resourceId, String scanType, Finding sample) {
	}

	private Coverage() {
	}

	static ObjectNode list(Call call, List<Finding> visible, Protocol protocol) {
		Map<String, Covered> resources = new LinkedHashMap<>();
		for (Finding f : visible) {
			String scanType = "NETWORK_REACHABILITY".equals(f.type()) ? "NETWORK"
					: "CODE_VULNERABILITY".equals(f.type()) ? "CODE" : "PACKAGE";
			resources.putIfAbsent(f.awsAccountId() + "|" + f.resourceId() + "|" + scanType,
					new Covered(f.awsAccountId(), f.resourceType(), f.resourceId(), scanType, f));
		}
		List<Covered> covered = resources.values().stream().filter(filter(call)).toList();
		var page = Pagination.page(covered, call.text("nextToken"), call.integer("maxResults"), 100, 200, protocol);
		ArrayNode list = Json.arr();
		for (Covered c : page.items()) {
			ObjectNode node = Json.obj()
				.put("resourceType", c.resourceType())
				.put("resourceId", c.resourceId())
				.put("accountId", c.accountId())
				.put("scanType", c.scanType());
			node.set("scanStatus", Json.obj().put("statusCode", "ACTIVE").put("reason", "SUCCESSFUL"));
			Json.epoch(node, "lastScannedAt", c.sample().lastObservedAt());
			if ("AWS_EC2_INSTANCE".equals(c.resourceType())) {
				node.put("scanMode", "EC2_SSM_AGENT_BASED");
			}
			list.add(node);
		}
		ObjectNode out = Json.obj();
		out.set("coveredResources", list);
		return Json.put(out, "nextToken", page.nextToken());
	}

	private static Predicate<Covered> filter(Call call) {
		var criteria = call.json().get("filterCriteria");
		Predicate<Covered> all = c -> true;
		if (criteria == null || criteria.isNull()) {
			return all;
		}
		for (var it = criteria.fields(); it.hasNext();) {
			var e = it.next();
			all = all.and(switch (e.getKey()) {
				case "accountId" -> FindingFilter.strings(e.getValue(), Covered::accountId);
				case "resourceType" -> FindingFilter.strings(e.getValue(), Covered::resourceType);
				case "resourceId" -> FindingFilter.strings(e.getValue(), Covered::resourceId);
				case "scanType" -> FindingFilter.strings(e.getValue(), Covered::scanType);
				default -> throw new SimException("ValidationException", 400,
						"filterCriteria." + e.getKey() + " is not supported by the Evident simulator");
			});
		}
		return all;
	}

}
