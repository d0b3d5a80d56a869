package dev.evident.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evident.simulator.model.Finding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.AggregationType;
import software.amazon.awssdk.services.inspector2.model.CreateFindingsReportRequest;
import software.amazon.awssdk.services.inspector2.model.ExternalReportStatus;
import software.amazon.awssdk.services.inspector2.model.FilterCriteria;
import software.amazon.awssdk.services.inspector2.model.GetFindingsReportStatusResponse;
import software.amazon.awssdk.services.inspector2.model.ReportFormat;
import software.amazon.awssdk.services.inspector2.model.ReportingErrorCode;
import software.amazon.awssdk.services.inspector2.model.StringComparison;
import software.amazon.awssdk.services.inspector2.model.StringFilter;
import software.amazon.awssdk.services.inspector2.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inspector2 findings reports and the S3 objects they are written to, through the real
 * SDK clients (path-style S3).
 */
class SimulatorFindingsReportTest {

	static final String KMS_KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	static Simulator sim;

	static Inspector2Client inspector;

	static S3Client s3;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withReferenceInstant(SimulatorIamStsTest.REFERENCE)
			.withThreads(4));
		inspector = SdkClients.build(Inspector2Client.builder(), sim);
		s3 = SdkClients.build(S3Client.builder().forcePathStyle(true), sim);
	}

	@AfterAll
	static void stop() {
		inspector.close();
		s3.close();
		sim.close();
	}

	@AfterEach
	void reset() {
		Faults.of(sim).reset();
	}

	@Test
	void reportOfEveryStatusIsWaitedForThenStreamedFromS3WithItsEncryptionHeaders() throws IOException {
		// given: reports stay in progress for two status calls
		Faults.of(sim).findingsReportInProgressPolls(2);

		// when
		String id = inspector
			.createFindingsReport(report("evident-exports", "q3/findings/", KMS_KEY)
				.filterCriteria(statuses("ACTIVE", "SUPPRESSED", "CLOSED"))
				.build())
			.reportId();

		// then: in progress twice, then succeeded, with the destination as requested
		assertThat(status(id).status()).isEqualTo(ExternalReportStatus.IN_PROGRESS);
		assertThat(status(id).status()).isEqualTo(ExternalReportStatus.IN_PROGRESS);
		GetFindingsReportStatusResponse done = status(id);
		assertThat(done.status()).isEqualTo(ExternalReportStatus.SUCCEEDED);
		assertThat(done.destination().bucketName()).isEqualTo("evident-exports");
		assertThat(done.destination().kmsKeyArn()).isEqualTo(KMS_KEY);
		assertThat(done.filterCriteria().findingStatus()).hasSize(3);

		// and the object under <prefix>/<reportId>.json holds every finding of the region
		// once, whatever its status
		String key = "q3/findings/" + id + ".json";
		long bytes;
		Map<String, Long> byStatus;
		try (ResponseInputStream<GetObjectResponse> object = s3.getObject(r -> r.bucket("evident-exports").key(key))) {
			assertThat(object.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
			assertThat(object.response().ssekmsKeyId()).isEqualTo(KMS_KEY);
			assertThat(object.response().eTag()).matches("\"[0-9a-f]{32}\"");
			Counted counted = count(object);
			bytes = counted.bytes();
			byStatus = counted.byStatus();
		}
		assertThat(byStatus).isEqualTo(expected("us-east-1", List.of("ACTIVE", "SUPPRESSED", "CLOSED")));
		assertThat(byStatus).containsKeys("SUPPRESSED", "CLOSED");

		// and HEAD tells the same length and headers
		var head = s3.headObject(r -> r.bucket("evident-exports").key(key));
		assertThat(head.contentLength()).isEqualTo(bytes);
		assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
	}

	@Test
	void withoutAStatusCriterionAReportHoldsActiveFindingsOnly() throws IOException {
		String id = inspector.createFindingsReport(report("evident-exports", null, KMS_KEY).build()).reportId();

		assertThat(status(id).status()).isEqualTo(ExternalReportStatus.SUCCEEDED);
		try (InputStream object = s3.getObject(r -> r.bucket("evident-exports").key(id + ".json"))) {
			assertThat(count(object).byStatus()).isEqualTo(expected("us-east-1", List.of("ACTIVE")));
		}
	}

	@Test
	void reportsFailWithTheModelsErrorCodes() {
		Faults.of(sim).missingBucket("no-such-bucket");
		assertThat(failure(report("no-such-bucket", null, KMS_KEY).build()))
			.isEqualTo(ReportingErrorCode.BUCKET_NOT_FOUND);
		assertThat(failure(report("evident-exports", null, "not-a-key").build()))
			.isEqualTo(ReportingErrorCode.MALFORMED_KMS_KEY);
		assertThat(
				failure(report("evident-exports", null, KMS_KEY).filterCriteria(f -> f.awsAccountId(eq("000000000000")))
					.build()))
			.isEqualTo(ReportingErrorCode.NO_FINDINGS_FOUND);
		Faults.of(sim).failFindingsReports("INVALID_PERMISSIONS");
		assertThat(failure(report("evident-exports", null, KMS_KEY).build()))
			.isEqualTo(ReportingErrorCode.INVALID_PERMISSIONS);
		assertThatThrownBy(() -> inspector.createFindingsReport(
				r -> r.reportFormat(ReportFormat.CSV).s3Destination(d -> d.bucketName("b").kmsKeyArn(KMS_KEY))))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void objectReadsAnswerS3sErrors() {
		String id = inspector.createFindingsReport(report("evident-exports", "denied", KMS_KEY).build()).reportId();
		assertThat(status(id).status()).isEqualTo(ExternalReportStatus.SUCCEEDED);

		assertThatThrownBy(() -> s3.getObject(r -> r.bucket("evident-exports").key("denied/unknown.json")))
			.isInstanceOf(NoSuchKeyException.class);
		Faults.of(sim).missingBucket("gone");
		assertThatThrownBy(() -> s3.getObject(r -> r.bucket("gone").key("x.json")))
			.isInstanceOf(NoSuchBucketException.class);
		Faults.of(sim).denyObjectReads("evident-exports");
		assertThatThrownBy(() -> s3.getObject(r -> r.bucket("evident-exports").key("denied/" + id + ".json")))
			.isInstanceOfSatisfying(S3Exception.class, e -> {
				assertThat(e.statusCode()).isEqualTo(403);
				assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
			});
	}

	@Test
	void accountAggregationsCountActiveFindings() {
		Map<String, Long> counted = new TreeMap<>();
		for (var page : inspector
			.listFindingAggregationsPaginator(r -> r.aggregationType(AggregationType.ACCOUNT).maxResults(2))) {
			page.responses()
				.forEach(a -> counted.put(a.accountAggregation().accountId(),
						a.accountAggregation().severityCounts().all()));
		}
		Map<String, Long> expected = sim.organization()
			.findings()
			.stream()
			.filter(f -> f.region().equals("us-east-1") && f.status().equals("ACTIVE"))
			.collect(Collectors.groupingBy(Finding::awsAccountId, TreeMap::new, Collectors.counting()));
		assertThat(counted).isEqualTo(expected).hasSizeGreaterThan(2);
	}

	private static CreateFindingsReportRequest.Builder report(String bucket, String prefix, String kmsKey) {
		return CreateFindingsReportRequest.builder()
			.reportFormat(ReportFormat.JSON)
			.s3Destination(d -> d.bucketName(bucket).keyPrefix(prefix).kmsKeyArn(kmsKey));
	}

	private static ReportingErrorCode failure(CreateFindingsReportRequest request) {
		GetFindingsReportStatusResponse status = status(inspector.createFindingsReport(request).reportId());
		assertThat(status.status()).isEqualTo(ExternalReportStatus.FAILED);
		assertThat(status.errorMessage()).isNotBlank();
		return status.errorCode();
	}

	private static GetFindingsReportStatusResponse status(String id) {
		return inspector.getFindingsReportStatus(r -> r.reportId(id));
	}

	private static FilterCriteria statuses(String... values) {
		return FilterCriteria.builder().findingStatus(java.util.Arrays.stream(values).map(v -> eq(v)).toList()).build();
	}

	private static StringFilter eq(String value) {
		return StringFilter.builder().comparison(StringComparison.EQUALS).value(value).build();
	}

	private static Map<String, Long> expected(String region, List<String> statuses) {
		return sim.organization()
			.findings()
			.stream()
			.filter(f -> f.region().equals(region) && statuses.contains(f.status()))
			.collect(Collectors.groupingBy(Finding::status, TreeMap::new, Collectors.counting()));
	}

	/** Counts the findings of a report by status, reading it as a stream. */
	private static Counted count(InputStream in) throws IOException {
		ObjectMapper mapper = new ObjectMapper();
		Map<String, Long> byStatus = new TreeMap<>();
		java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
		InputStream counting = new java.io.FilterInputStream(in) {
			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				bytes.addAndGet(Math.max(0, n));
				return n;
			}
		};
		try (JsonParser parser = mapper.getFactory().createParser(counting)) {
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			assertThat(parser.nextFieldName()).isEqualTo("findings");
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				JsonNode finding = mapper.readTree(parser);
				byStatus.merge(finding.path("status").asText(), 1L, Long::sum);
			}
			counting.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return new Counted(bytes.get(), byStatus);
	}

	private record Counted(long bytes, Map<String, Long> byStatus) {
	}

}
