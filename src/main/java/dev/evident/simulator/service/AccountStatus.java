package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** BatchGetAccountStatus: Inspector2 status per account in the request's region. */
final class AccountStatus {

	private AccountStatus() {
	}

	static ObjectNode batchGet(Call call, SimulatedOrganization org, boolean administrator) {
		List<String> ids = new ArrayList<>();
		JsonNode requested = call.json().get("accountIds");
		if (requested != null) {
			requested.forEach(n -> ids.add(n.asText()));
		}
		if (ids.isEmpty()) {
			ids.add(call.accountId());
		}
		ArrayNode accounts = Json.arr();
		ArrayNode failed = Json.arr();
		for (String id : ids) {
			Optional<Account> account = org.account(id);
			if (account.isEmpty()) {
				failed.add(Json.obj()
					.put("accountId", id)
					.put("errorCode", "RESOURCE_NOT_FOUND")
					.put("errorMessage", "Account " + id + " is not part of the organization"));
			}
			else if (!administrator && !id.equals(call.accountId())) {
				failed.add(Json.obj()
					.put("accountId", id)
					.put("errorCode", "ACCESS_DENIED")
					.put("errorMessage", "Not authorized to read the status of account " + id));
			}
			else {
				String status = status(account.get(), call.region());
				ObjectNode resources = Json.obj();
				for (String type : List.of("ec2", "ecr", "lambda", "lambdaCode", "codeRepository")) {
					resources.set(type, Json.obj().put("status", type.equals("codeRepository") ? "DISABLED" : status));
				}
				ObjectNode state = Json.obj().put("accountId", id);
				state.set("state", Json.obj().put("status", status));
				state.set("resourceState", resources);
				accounts.add(state);
			}
		}
		ObjectNode out = Json.obj();
		out.set("accounts", accounts);
		out.set("failedAccounts", failed);
		return out;
	}

	static String status(Account a, String region) {
		if (a.suspended() || "SUSPENDED".equals(a.inspectorStatus())) {
			return "SUSPENDED";
		}
		return "ENABLED".equals(a.inspectorStatus()) && a.inspectorRegions().contains(region) ? "ENABLED" : "DISABLED";
	}

}
