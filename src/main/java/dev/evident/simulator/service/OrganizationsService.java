package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.OrganizationalUnit;
import dev.evident.simulator.model.ServiceControlPolicy;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.JsonProtocol;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** AWS Organizations (JSON 1.1), served to the management account only. */
public final class OrganizationsService implements Service {

	private final JsonProtocol protocol = new JsonProtocol("AWSOrganizationsV20161128",
			Set.of("DescribeOrganization", "ListRoots", "ListOrganizationalUnitsForParent", "ListAccountsForParent",
					"ListAccounts", "ListPolicies", "DescribePolicy", "ListTargetsForPolicy",
					"ListDelegatedAdministrators"));

	private final SimulatedOrganization org;

	private final OrganizationsJson json;

	public OrganizationsService(SimulatedOrganization org) {
		this.org = org;
		this.json = new OrganizationsJson(org);
	}

	@Override
	public String name() {
		return "organizations";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		if (!call.accountId().equals(org.managementAccountId())) {
			throw new SimException("AccessDeniedException", 400, "You don't have permissions to access this resource.");
		}
		String rootId = org.identity().rootId();
		return switch (call.operation()) {
			case "DescribeOrganization" -> Json.obj().set("Organization", json.organization());
			case "ListRoots" -> page(call, "Roots", List.of(rootId), id -> json.root());
			case "ListOrganizationalUnitsForParent" -> page(call, "OrganizationalUnits",
					org.organizationalUnits().stream().filter(ou -> ou.parentId().equals(parent(call))).toList(),
					json::ou);
			case "ListAccountsForParent" -> page(call, "Accounts",
					org.accounts().stream().filter(a -> a.parentId().equals(parent(call))).toList(), json::account);
			case "ListAccounts" -> page(call, "Accounts", org.accounts(), json::account);
			case "ListPolicies" -> page(call, "Policies",
					"SERVICE_CONTROL_POLICY".equals(call.text("Filter")) ? org.policies() : List.of(),
					json::policySummary);
			case "DescribePolicy" -> {
				ServiceControlPolicy p = policy(call);
				ObjectNode policy = Json.obj();
				policy.set("PolicySummary", json.policySummary(p));
				policy.put("Content", p.content());
				yield Json.obj().set("Policy", policy);
			}
			case "ListTargetsForPolicy" -> page(call, "Targets", policy(call).targets(), json::target);
			case "ListDelegatedAdministrators" -> page(call, "DelegatedAdministrators",
					org.delegatedAdministrators()
						.stream()
						.filter(d -> call.text("ServicePrincipal") == null
								|| d.servicePrincipal().equals(call.text("ServicePrincipal")))
						.toList(),
					json::delegatedAdministrator);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private String parent(Call call) {
		String parent = call.text("ParentId");
		if (parent == null) {
			throw protocol.invalidInput("ParentId is required");
		}
		boolean known = parent.equals(org.identity().rootId())
				|| org.organizationalUnits().stream().map(OrganizationalUnit::id).anyMatch(parent::equals);
		if (!known) {
			throw new SimException("ParentNotFoundException", 400,
					"We can't find a root or OU with the ParentId " + "that you specified.");
		}
		return parent;
	}

	private ServiceControlPolicy policy(Call call) {
		String id = call.text("PolicyId");
		return org.policies()
			.stream()
			.filter(p -> p.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new SimException("PolicyNotFoundException", 400,
					"We can't find a policy with the PolicyId that you specified."));
	}

	private <T> ObjectNode page(Call call, String member, List<T> items, Function<T, ObjectNode> render) {
		var page = Pagination.page(items, call.text("NextToken"), call.integer("MaxResults"), 20, 20, protocol);
		ArrayNode list = Json.arr();
		page.items().forEach(item -> list.add(render.apply(item)));
		ObjectNode out = Json.obj();
		out.set(member, list);
		return Json.put(out, "NextToken", page.nextToken());
	}

}
