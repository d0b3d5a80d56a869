package dev.evident.simulator.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.server.FaultHook;
import dev.evident.simulator.data.Ids;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.SimException;
import dev.evident.simulator.service.S3Objects.StoredObject;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Inspector2 findings reports: CreateFindingsReport, GetFindingsReportStatus and
 * CancelFindingsReport, with the report written as an S3 object.
 *
 * <p>
 * What this imitates, and on what it is based:
 * <ul>
 * <li>Request and response shapes: the Inspector2 service model (2020-06-08). A report
 * without a {@code findingStatus} criterion holds ACTIVE findings only, as the API
 * reference of CreateFindingsReport says ("To see SUPPRESSED or CLOSED findings you must
 * specify a value for the findingStatus filter criteria").</li>
 * <li>The object key: {@code <keyPrefix>/<reportId>.json}. The model documents
 * {@code keyPrefix} as "the prefix that the findings will be written under" and the
 * Inspector user guide shows that Inspector names the object itself when given a prefix;
 * naming it after the report id is our reading of both, not a documented contract.</li>
 * <li>The document: {@code {"findings":[...]}}, each finding in the API's {@code Finding}
 * shape (rendered by {@link FindingJson}), as the user guide describes a JSON report
 * ("the details of the findings"). Readers should accept timestamps as epoch seconds or
 * ISO-8601 strings.</li>
 * <li>Outcomes: IN_PROGRESS for the test fault {@code findingsReportInProgressPolls}
 * status calls, then SUCCEEDED, or FAILED with the model's {@code ReportingErrorCode}:
 * BUCKET_NOT_FOUND (the test fault {@code missingBucket}), MALFORMED_KMS_KEY (not a KMS
 * key ARN), NO_FINDINGS_FOUND (nothing matches), or any code set by the test fault
 * {@code failFindingsReports}.</li>
 * </ul>
 */
final class FindingsReports {

	private static final Pattern KMS_KEY_ARN = Pattern
		.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[A-Za-z0-9/_+=.@-]+");

	private final BiFunction<String, String, Iterable<Finding>> visible;

	private final S3Objects objects;

	private final FaultHook faults;

	private final Map<String, Report> reports = new ConcurrentHashMap<>();

	/**
	 * @param visible the findings a caller account may see in a region
	 */
	FindingsReports(BiFunction<String, String, Iterable<Finding>> visible, S3Objects objects, FaultHook faults) {
		this.visible = visible;
		this.objects = objects;
		this.faults = faults;
	}

	ObjectNode create(Call call) {
		String format = call.text("reportFormat");
		if (format == null) {
			throw new SimException("ValidationException", 400, "reportFormat is required");
		}
		if (!format.equals("JSON")) {
			throw new SimException("ValidationException", 400,
					"reportFormat " + format + " is not supported by the Evident simulator; use JSON");
		}
		JsonNode destination = call.json().path("s3Destination");
		String bucket = destination.path("bucketName").asText(null);
		String kmsKey = destination.path("kmsKeyArn").asText(null);
		if (bucket == null || kmsKey == null) {
			throw new SimException("ValidationException", 400, "s3Destination.bucketName and kmsKeyArn are required");
		}
		JsonNode criteria = call.json().path("filterCriteria");
		ObjectNode effective = criteria.isObject() ? ((ObjectNode) criteria).deepCopy() : Json.obj();
		if (!effective.has("findingStatus")) {
			effective.set("findingStatus",
					Json.arr().add(Json.obj().put("comparison", "EQUALS").put("value", "ACTIVE")));
		}
		FindingFilter.of(effective); // rejects unsupported criteria now, as a
										// ValidationException
		String id = UUID.randomUUID().toString();
		Report report = new Report(id, call.accountId(), call.region(), bucket,
				destination.path("keyPrefix").asText(null), kmsKey, criteria.isObject() ? criteria.deepCopy() : null,
				effective, new AtomicInteger(faults.findingsReportInProgressPolls()), faults.findingsReportFailure());
		report.spool = objects.spool(new StoredObject(report.bucket, objectKey(report.keyPrefix, id),
				"application/json", kmsKey, "\"" + Ids.hex("report" + id, 32) + "\"", Instant.now(),
				out -> render(report, FindingFilter.of(effective), out)));
		reports.put(id, report);
		return Json.obj().put("reportId", id);
	}

	ObjectNode status(Call call) {
		Report report = find(call, call.text("reportId"));
		report.advance();
		ObjectNode out = Json.obj().put("reportId", report.id).put("status", report.status);
		Json.put(out, "errorCode", report.errorCode);
		Json.put(out, "errorMessage", report.errorMessage);
		ObjectNode destination = Json.obj().put("bucketName", report.bucket);
		Json.put(destination, "keyPrefix", report.keyPrefix);
		destination.put("kmsKeyArn", report.kmsKeyArn);
		out.set("destination", destination);
		if (report.requestedCriteria != null) {
			out.set("filterCriteria", report.requestedCriteria);
		}
		return out;
	}

	ObjectNode cancel(Call call) {
		String id = call.text("reportId");
		if (id == null) {
			throw new SimException("ValidationException", 400, "reportId is required");
		}
		Report report = find(call, id);
		report.cancel();
		return Json.obj().put("reportId", report.id);
	}

	/** The caller's report, or its latest one when no id is given. */
	private Report find(Call call, String id) {
		Report report = id != null ? reports.get(id)
				: reports.values()
					.stream()
					.filter(r -> r.accountId.equals(call.accountId()))
					.max(java.util.Comparator.comparing(r -> r.createdAt))
					.orElse(null);
		if (report == null || !report.accountId.equals(call.accountId()) || !report.region.equals(call.region())) {
			throw new SimException("ResourceNotFoundException", 404, "No findings report with id " + id);
		}
		return report;
	}

	/** The object key of a report: {@code <keyPrefix>/<reportId>.json}. */
	static String objectKey(String keyPrefix, String reportId) {
		String prefix = keyPrefix == null ? "" : keyPrefix.replaceAll("^/+|/+$", "");
		return (prefix.isEmpty() ? "" : prefix + "/") + reportId + ".json";
	}

	/** Renders the report document to the client as the findings are read. */
	private void render(Report report, Predicate<Finding> filter, OutputStream out) throws IOException {
		try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
			json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
			json.writeStartObject();
			json.writeArrayFieldStart("findings");
			for (Finding f : visible.apply(report.region, report.accountId)) {
				if (filter.test(f)) {
					Json.MAPPER.writeTree(json, FindingJson.render(f));
				}
			}
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	private boolean anyMatch(Report report, Predicate<Finding> filter) {
		for (Finding f : visible.apply(report.region, report.accountId)) {
			if (filter.test(f)) {
				return true;
			}
		}
		return false;
	}

	/** One report and its progress. */
	private final class Report {

		final String id;

		final String accountId;

		final String region;

		final String bucket;

		final String keyPrefix;

		final String kmsKeyArn;

		final JsonNode requestedCriteria;

		final JsonNode criteria;

		final AtomicInteger pollsLeft;

		final String injectedFailure;

		final Instant createdAt = Instant.now();

		String status = "IN_PROGRESS";

		/** The report's object, being written from the moment the report is created. */
		java.util.concurrent.Future<StoredObject> spool;

		String errorCode;

		String errorMessage;

		Report(String id, String accountId, String region, String bucket, String keyPrefix, String kmsKeyArn,
				JsonNode requestedCriteria, JsonNode criteria, AtomicInteger pollsLeft, String injectedFailure) {
			this.id = id;
			this.accountId = accountId;
			this.region = region;
			this.bucket = bucket;
			this.keyPrefix = keyPrefix;
			this.kmsKeyArn = kmsKeyArn;
			this.requestedCriteria = requestedCriteria;
			this.criteria = criteria;
			this.pollsLeft = pollsLeft;
			this.injectedFailure = injectedFailure;
		}

		/** One status call: still in progress, or settle the outcome once. */
		synchronized void advance() {
			if (!status.equals("IN_PROGRESS") || pollsLeft.getAndDecrement() > 0) {
				return;
			}
			Predicate<Finding> filter = FindingFilter.of(criteria);
			if (injectedFailure != null) {
				fail(injectedFailure, "Injected failure of the findings report");
			}
			else if (faults.bucketMissing(bucket)) {
				fail("BUCKET_NOT_FOUND", "The specified bucket does not exist: " + bucket);
			}
			else if (!KMS_KEY_ARN.matcher(kmsKeyArn).matches()) {
				fail("MALFORMED_KMS_KEY", "The KMS key ARN is malformed: " + kmsKeyArn);
			}
			else if (!anyMatch(this, filter)) {
				fail("NO_FINDINGS_FOUND", "No findings match the filter criteria");
			}
			else {
				// written to S3 while the report was in progress, served at rest once
				// done
				StoredObject object = spooled(spool, 5);
				if (object == null) {
					return; // still being written: in progress until it is done
				}
				objects.put(object);
				status = "SUCCEEDED";
			}
		}

		/**
		 * The spooled object, waiting at most {@code seconds} for it; null if it is still
		 * being written.
		 */
		private StoredObject spooled(java.util.concurrent.Future<StoredObject> spool, int seconds) {
			try {
				return spool.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw new IllegalStateException("the report could not be written", ex.getCause());
			}
		}

		synchronized void cancel() {
			if (status.equals("IN_PROGRESS")) {
				status = "CANCELLED";
			}
		}

		private void fail(String code, String message) {
			status = "FAILED";
			errorCode = code;
			errorMessage = message;
		}

	}

}
