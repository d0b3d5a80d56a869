package dev.evident.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.evident.control.ControlResultStore.Evaluated;
import dev.evident.network.NetworkStore;
import dev.evident.control.FrameworkEvaluator.FrameworkResult;
import dev.evident.evidence.Gaps.Gap;
import dev.evident.evidence.Runs.RunRecord;
import dev.evident.organizations.OrganizationSnapshot.Account;

/**
 * Writes results.json (schema: docs/results.schema.json). The content depends only on the
 * evidence and {@code asOf}: no run id, no generation time, and every list in a fixed
 * order, so the same evidence gives a byte-identical file.
 */
public final class ResultsJsonWriter {

	public static final String SCHEMA_VERSION = "1";

	private final JsonFactory json = new JsonFactory();

	public void write(OutputStream out, RunRecord run, List<Account> accounts, List<Gap> gaps,
			List<Evaluated> evaluated, Map<String, Map<String, Long>> findingsBySeverityAndStatus,
			List<FrameworkResult> frameworks, Map<String, List<String>> requirementsByControl,
			NetworkStore.Summary network) throws IOException {
		try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
			g.useDefaultPrettyPrinter();
			g.writeStartObject();
			g.writeStringField("schemaVersion", SCHEMA_VERSION);
			g.writeObjectFieldStart("organization");
			g.writeStringField("id", run.orgId());
			g.writeStringField("managementAccountId", run.managementAccountId());
			g.writeEndObject();
			g.writeStringField("period", run.period().toString());
			g.writeStringField("periodStart", run.period().firstDay().toString());
			g.writeStringField("periodEnd", run.period().lastDay().toString());
			g.writeStringField("asOf", run.asOf().toString());
			writeSummary(g, evaluated);
			g.writeArrayFieldStart("accounts");
			for (Account a : accounts) {
				g.writeStartObject();
				g.writeStringField("id", a.id());
				g.writeStringField("name", a.name());
				g.writeStringField("status", a.status());
				g.writeStringField("ouPath", a.ouPath());
				g.writeBooleanField("inScope", a.inScope());
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeArrayFieldStart("gaps");
			for (Gap gap : gaps) {
				g.writeStartObject();
				g.writeStringField("accountId", gap.accountId());
				g.writeStringField("source", gap.source());
				g.writeStringField("errorCode", gap.errorCode());
				g.writeStringField("message", gap.message());
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeObjectFieldStart("findings");
			for (var severity : new TreeMap<>(findingsBySeverityAndStatus).entrySet()) {
				g.writeObjectFieldStart(severity.getKey());
				for (var status : new TreeMap<>(severity.getValue()).entrySet()) {
					g.writeNumberField(status.getKey(), status.getValue());
				}
				g.writeEndObject();
			}
			g.writeEndObject();
			writeNetwork(g, network);
			g.writeArrayFieldStart("frameworks");
			for (FrameworkResult f : frameworks) {
				writeFramework(g, f);
			}
			g.writeEndArray();
			g.writeArrayFieldStart("controls");
			for (Evaluated e : evaluated) {
				writeControl(g, e, requirementsByControl.getOrDefault(e.control().id(), List.of()));
			}
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	private static void writeNetwork(JsonGenerator g, NetworkStore.Summary network) throws IOException {
		g.writeObjectFieldStart("network");
		g.writeArrayFieldStart("regions");
		for (NetworkStore.AccountRegion r : network.regions()) {
			g.writeStartObject();
			g.writeStringField("accountId", r.accountId());
			g.writeStringField("region", r.region());
			g.writeStringField("optInStatus", r.optInStatus());
			g.writeStringField("status", r.status());
			g.writeStringField("note", r.note());
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeNumberField("vpcs", network.vpcs());
		g.writeNumberField("vpcsWithWorkingFlowLog", network.vpcsWithWorkingFlowLog());
		g.writeNumberField("securityGroups", network.securityGroups());
		g.writeNumberField("networkAcls", network.networkAcls());
		NetworkStore.EntryPoints e = network.entryPoints();
		g.writeObjectFieldStart("entryPoints");
		g.writeNumberField("loadBalancers", e.loadBalancers());
		g.writeNumberField("internetFacingLoadBalancers", e.internetFacingLoadBalancers());
		g.writeNumberField("webAcls", e.webAcls());
		g.writeNumberField("webAclsAssociatedWithNothing", e.webAclsAssociatedWithNothing());
		g.writeNumberField("distributions", e.distributions());
		g.writeNumberField("shieldAdvancedAccounts", e.shieldAdvancedAccounts());
		g.writeEndObject();
		g.writeEndObject();
	}

	private static void writeSummary(JsonGenerator g, List<Evaluated> evaluated) throws IOException {
		Map<Responsibility, Map<Status, Integer>> counts = new EnumMap<>(Responsibility.class);
		for (Responsibility r : Responsibility.values()) {
			Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
			for (Status s : Status.values()) {
				byStatus.put(s, 0);
			}
			counts.put(r, byStatus);
		}
		evaluated.forEach(e -> counts.get(e.control().responsibility()).merge(e.status(), 1, Integer::sum));
		g.writeObjectFieldStart("summary");
		for (var r : counts.entrySet()) {
			g.writeObjectFieldStart(r.getKey().name());
			for (var s : r.getValue().entrySet()) {
				g.writeNumberField(s.getKey().name(), s.getValue());
			}
			g.writeEndObject();
		}
		g.writeEndObject();
	}

	private static void writeFramework(JsonGenerator g, FrameworkResult f) throws IOException {
		g.writeStartObject();
		g.writeStringField("id", f.framework().id());
		g.writeStringField("name", f.framework().name());
		g.writeStringField("version", f.framework().version());
		g.writeStringField("source", f.framework().source());
		g.writeObjectFieldStart("summary");
		for (Status s : Status.values()) {
			g.writeObjectFieldStart(s.name());
			g.writeNumberField("requirements", f.counts().get(s));
			g.writeNumberField("percent", f.share(s));
			g.writeEndObject();
		}
		g.writeEndObject();
		g.writeArrayFieldStart("requirements");
		for (FrameworkEvaluator.RequirementResult r : f.requirements()) {
			g.writeStartObject();
			g.writeStringField("id", r.requirement().id());
			g.writeStringField("name", r.requirement().name());
			g.writeStringField("status", r.status().name());
			g.writeArrayFieldStart("controls");
			for (String c : r.requirement().controls()) {
				g.writeString(c);
			}
			g.writeEndArray();
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeEndObject();
	}

	private static void writeControl(JsonGenerator g, Evaluated e, List<String> requirements) throws IOException {
		Control c = e.control();
		g.writeStartObject();
		g.writeStringField("id", c.id());
		g.writeStringField("title", c.title());
		g.writeStringField("responsibility", c.responsibility().name());
		g.writeStringField("check", c.check().id());
		g.writeStringField("status", e.status().name());
		if (c.remediation() != null) {
			g.writeStringField("remediation", c.remediation());
		}
		g.writeArrayFieldStart("references");
		for (String reference : c.references()) {
			g.writeString(reference);
		}
		g.writeEndArray();
		g.writeArrayFieldStart("requirements");
		for (String r : requirements) {
			g.writeString(r);
		}
		g.writeEndArray();
		Map<String, List<CheckResult>> byAccount = new TreeMap<>();
		e.results().forEach(r -> byAccount.computeIfAbsent(r.accountId(), k -> new java.util.ArrayList<>()).add(r));
		g.writeArrayFieldStart("accounts");
		for (var account : byAccount.entrySet()) {
			g.writeStartObject();
			g.writeStringField("accountId", account.getKey());
			g.writeStringField("status",
					Status.rollUp(account.getValue().stream().map(CheckResult::status).toList()).name());
			g.writeArrayFieldStart("results");
			for (CheckResult r : account.getValue()) {
				g.writeStartObject();
				g.writeStringField("resource", r.resource());
				g.writeStringField("status", r.status().name());
				g.writeStringField("reason", r.reason());
				g.writeArrayFieldStart("evidence");
				for (String ref : r.evidence()) {
					g.writeString(ref);
				}
				g.writeEndArray();
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeEndObject();
	}

}
