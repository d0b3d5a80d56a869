package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.ArtifactReport;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.RestJsonProtocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;

import java.util.Map;

/**
 * AWS Artifact (REST-JSON): reports, their terms and presigned document URLs pointing
 * back at the simulator.
 */
public final class ArtifactService implements Service {

	private final Protocol protocol = new RestJsonProtocol(
			Map.of("GET /v1/report/list", "ListReports", "GET /v1/report/getMetadata", "GetReportMetadata",
					"GET /v1/report/getTermForReport", "GetTermForReport", "GET /v1/report/get", "GetReport"));

	private final SimulatedOrganization org;

	private final ArtifactDocuments documents;

	public ArtifactService(SimulatedOrganization org, ArtifactDocuments documents) {
		this.org = org;
		this.documents = documents;
	}

	@Override
	public String name() {
		return "artifact";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		return switch (call.operation()) {
			case "ListReports" -> list(call);
			case "GetReportMetadata" -> Json.obj().set("reportDetails", detail(report(call)));
			case "GetTermForReport" -> {
				ArtifactReport r = report(call);
				yield Json.obj()
					.put("documentPresignedUrl", documents.termUrl(r))
					.put("termToken", documents.termToken(r));
			}
			case "GetReport" -> {
				ArtifactReport r = report(call);
				if (!documents.termToken(r).equals(call.param("termToken"))) {
					throw new SimException("ValidationException", 400, "Invalid termToken for report " + r.id());
				}
				yield Json.obj().put("documentPresignedUrl", documents.documentUrl(r));
			}
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private ArtifactReport report(Call call) {
		String id = call.param("reportId");
		if (id == null || id.isEmpty()) {
			throw protocol.invalidInput("reportId is required");
		}
		ArtifactReport report = org.artifactReports()
			.stream()
			.filter(r -> r.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new SimException("ResourceNotFoundException", 404, "Report " + id + " not found"));
		String version = call.param("reportVersion");
		if (version != null && !version.equals(String.valueOf(report.version()))) {
			throw new SimException("ResourceNotFoundException", 404,
					"Report " + id + " version " + version + " not found");
		}
		return report;
	}

	private ObjectNode list(Call call) {
		Integer max;
		try {
			max = call.param("maxResults") == null ? null : Integer.valueOf(call.param("maxResults"));
		}
		catch (NumberFormatException e) {
			throw protocol.invalidInput("maxResults must be a number");
		}
		var page = Pagination.page(org.artifactReports(), call.param("nextToken"), max, 100, 300, protocol);
		ArrayNode reports = Json.arr();
		page.items().forEach(r -> reports.add(summary(r)));
		ObjectNode out = Json.obj();
		out.set("reports", reports);
		return Json.put(out, "nextToken", page.nextToken());
	}

	private static ObjectNode summary(ArtifactReport r) {
		ObjectNode n = Json.obj()
			.put("id", r.id())
			.put("name", r.name())
			.put("state", r.state())
			.put("arn", r.arn())
			.put("version", r.version())
			.put("uploadState", "COMPLETE");
		Json.put(n, "description", r.description());
		Json.iso(n, "periodStart", r.periodStart());
		Json.iso(n, "periodEnd", r.periodEnd());
		Json.put(n, "series", r.series());
		Json.put(n, "category", r.category());
		return n.put("companyName", "AWS").put("productName", "AWS").put("acceptanceType", "PASSTHROUGH");
	}

	private static ObjectNode detail(ArtifactReport r) {
		ObjectNode n = summary(r);
		Json.iso(n, "createdAt", r.createdAt());
		Json.iso(n, "lastModifiedAt", r.createdAt());
		return n.put("termArn", r.termArn()).put("sequenceNumber", r.version());
	}

}
