package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.SimException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Inspector2 ListFindingAggregations, ACCOUNT aggregation only: per account, the counts
 * of its ACTIVE findings (all, critical, high, medium; with an exploit; with a fix), as
 * the console's aggregated views count them. Suppressed and closed findings are not
 * counted.
 */
final class FindingAggregations {

	private FindingAggregations() {
	}

	static ObjectNode list(Call call, Iterable<Finding> visible, Protocol protocol) {
		String type = call.text("aggregationType");
		if (!"ACCOUNT".equals(type)) {
			throw new SimException("ValidationException", 400,
					"aggregationType " + type + " is not supported by the Evident simulator; use ACCOUNT");
		}
		JsonNode accountIds = call.json().get("accountIds");
		Predicate<Finding> accounts = accountIds == null || accountIds.isNull() ? f -> true
				: FindingFilter.strings(accountIds, Finding::awsAccountId);
		Map<String, long[]> counts = new TreeMap<>();
		for (Finding f : visible) {
			if (!"ACTIVE".equals(f.status()) || !accounts.test(f)) {
				continue;
			}
			long[] c = counts.computeIfAbsent(f.awsAccountId(), k -> new long[6]);
			c[0]++;
			switch (f.severity()) {
				case "CRITICAL" -> c[1]++;
				case "HIGH" -> c[2]++;
				case "MEDIUM" -> c[3]++;
				default -> {
				}
			}
			c[4] += f.exploitAvailable() ? 1 : 0;
			c[5] += "YES".equals(f.fixAvailable()) ? 1 : 0;
		}
		List<Map.Entry<String, long[]>> rows = new ArrayList<>(counts.entrySet());
		JsonNode aggregation = call.json().path("aggregationRequest").path("accountAggregation");
		int column = switch (aggregation.path("sortBy").asText("ALL")) {
			case "CRITICAL" -> 1;
			case "HIGH" -> 2;
			default -> 0;
		};
		Comparator<Map.Entry<String, long[]>> order = Comparator.comparingLong(e -> e.getValue()[column]);
		order = "ASC".equals(aggregation.path("sortOrder").asText("DESC")) ? order : order.reversed();
		rows.sort(order.thenComparing(Map.Entry::getKey));
		var page = Pagination.page(rows, call.text("nextToken"), call.integer("maxResults"), 100, 100, protocol);
		ArrayNode responses = Json.arr();
		for (Map.Entry<String, long[]> row : page.items()) {
			long[] c = row.getValue();
			ObjectNode account = Json.obj().put("accountId", row.getKey());
			account.set("severityCounts",
					Json.obj().put("all", c[0]).put("critical", c[1]).put("high", c[2]).put("medium", c[3]));
			account.put("exploitAvailableCount", c[4]).put("fixAvailableCount", c[5]);
			responses.add(Json.obj().set("accountAggregation", account));
		}
		ObjectNode out = Json.obj().put("aggregationType", "ACCOUNT");
		out.set("responses", responses);
		return Json.put(out, "nextToken", page.nextToken());
	}

}
