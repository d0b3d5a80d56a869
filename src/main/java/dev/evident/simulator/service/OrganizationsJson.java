package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.DelegatedAdministrator;
import dev.evident.simulator.model.OrganizationalUnit;
import dev.evident.simulator.model.ServiceControlPolicy;
import dev.evident.simulator.server.Json;

/** JSON shapes of AWS Organizations. */
final class OrganizationsJson {

	private final SimulatedOrganization org;

	OrganizationsJson(SimulatedOrganization org) {
		this.org = org;
	}

	private static ObjectNode scpEnabled() {
		ObjectNode type = Json.obj().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
		return type;
	}

	ObjectNode organization() {
		var id = org.identity();
		Account mgmt = org.account(id.managementAccountId()).orElseThrow();
		ObjectNode o = Json.obj()
			.put("Id", id.organizationId())
			.put("Arn", id.arn())
			.put("FeatureSet", id.featureSet())
			.put("MasterAccountArn", mgmt.arn())
			.put("MasterAccountId", mgmt.id())
			.put("MasterAccountEmail", mgmt.email());
		o.set("AvailablePolicyTypes", Json.arr().add(scpEnabled()));
		return o;
	}

	ObjectNode root() {
		var id = org.identity();
		ObjectNode r = Json.obj().put("Id", id.rootId()).put("Arn", id.rootArn()).put("Name", "Root");
		r.set("PolicyTypes", Json.arr().add(scpEnabled()));
		return r;
	}

	ObjectNode ou(OrganizationalUnit ou) {
		return Json.obj().put("Id", ou.id()).put("Arn", ou.arn()).put("Name", ou.name()).put("Path", ou.path());
	}

	ObjectNode account(Account a) {
		ObjectNode node = Json.obj()
			.put("Id", a.id())
			.put("Arn", a.arn())
			.put("Email", a.email())
			.put("Name", a.name())
			.put("Status", a.status())
			.put("State", a.status());
		node.set("Paths", Json.arr().add(a.path()));
		node.put("JoinedMethod", a.joinedMethod());
		return Json.epoch(node, "JoinedTimestamp", a.joinedTimestamp());
	}

	ObjectNode policySummary(ServiceControlPolicy p) {
		ObjectNode node = Json.obj().put("Id", p.id()).put("Arn", p.arn()).put("Name", p.name());
		Json.put(node, "Description", p.description());
		return node.put("Type", "SERVICE_CONTROL_POLICY").put("AwsManaged", p.awsManaged());
	}

	ObjectNode target(String targetId) {
		var id = org.identity();
		if (targetId.equals(id.rootId())) {
			return Json.obj()
				.put("TargetId", targetId)
				.put("Arn", id.rootArn())
				.put("Name", "Root")
				.put("Type", "ROOT");
		}
		var ou = org.organizationalUnits().stream().filter(o -> o.id().equals(targetId)).findFirst();
		if (ou.isPresent()) {
			return Json.obj()
				.put("TargetId", targetId)
				.put("Arn", ou.get().arn())
				.put("Name", ou.get().name())
				.put("Type", "ORGANIZATIONAL_UNIT");
		}
		Account a = org.account(targetId).orElseThrow();
		return Json.obj().put("TargetId", targetId).put("Arn", a.arn()).put("Name", a.name()).put("Type", "ACCOUNT");
	}

	ObjectNode delegatedAdministrator(DelegatedAdministrator d) {
		ObjectNode node = account(org.account(d.accountId()).orElseThrow());
		node.remove("Paths");
		return Json.epoch(node, "DelegationEnabledDate", d.delegationEnabledDate());
	}

}
