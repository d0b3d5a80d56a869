package dev.evident.simulator.service;

import dev.evident.simulator.model.FindingSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.CoveredResource;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.SimException;

import java.util.List;
import java.util.function.Predicate;

/**
 * ListCoverage over the covered resources the caller may see (scan status ACTIVE); see
 * {@code FindingSource.coverage}.
 */
final class Coverage {

	private Coverage() {
	}

	static ObjectNode list(Call call, List<CoveredResource> visible, Protocol protocol) {
		var page = Pagination.scan(visible, filter(call), call.text("nextToken"), call.integer("maxResults"), 100, 200,
				protocol);
		ArrayNode list = Json.arr();
		for (CoveredResource c : page.items()) {
			ObjectNode node = Json.obj()
				.put("resourceType", c.resourceType())
				.put("resourceId", c.resourceId())
				.put("accountId", c.accountId())
				.put("scanType", c.scanType());
			node.set("scanStatus", Json.obj().put("statusCode", "ACTIVE").put("reason", "SUCCESSFUL"));
			Json.epoch(node, "lastScannedAt", c.lastScannedAt());
			if ("AWS_EC2_INSTANCE".equals(c.resourceType())) {
				node.put("scanMode", "EC2_SSM_AGENT_BASED");
			}
			list.add(node);
		}
		ObjectNode out = Json.obj();
		out.set("coveredResources", list);
		return Json.put(out, "nextToken", page.nextToken());
	}

	/** Null when the request has no criteria. */
	private static Predicate<CoveredResource> filter(Call call) {
		var criteria = call.json().get("filterCriteria");
		if (criteria == null || criteria.isNull() || criteria.isEmpty()) {
			return null;
		}
		Predicate<CoveredResource> all = c -> true;
		for (var it = criteria.fields(); it.hasNext();) {
			var e = it.next();
			all = all.and(switch (e.getKey()) {
				case "accountId" -> FindingFilter.strings(e.getValue(), CoveredResource::accountId);
				case "resourceType" -> FindingFilter.strings(e.getValue(), CoveredResource::resourceType);
				case "resourceId" -> FindingFilter.strings(e.getValue(), CoveredResource::resourceId);
				case "scanType" -> FindingFilter.strings(e.getValue(), CoveredResource::scanType);
				default -> throw new SimException("ValidationException", 400,
						"filterCriteria." + e.getKey() + " is not supported by the Evident simulator");
			});
		}
		return all;
	}

}
