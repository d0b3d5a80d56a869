package dev.evident.inspector;

import dev.evident.evidence.FindingRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming parse of a findings report into rows. */
class FindingsReportParserTest {

	private static final String REPORT = """
			{"findings": [
			  {"findingArn": "arn:1", "awsAccountId": "111111111111", "severity": "HIGH", "status": "ACTIVE",
			   "type": "PACKAGE_VULNERABILITY", "title": "CVE-1 - openssl", "inspectorScore": 7.5,
			   "remediation": {"recommendation": {"text": "Upgrade", "Url": "https://x"}},
			   "packageVulnerabilityDetails": {"cvss": [{"baseScore": 7.5, "version": "3.1"}],
			     "vulnerabilityId": "CVE-1", "vulnerablePackages": [{"name": "openssl"}]},
			   "resources": [{"type": "AWS_EC2_INSTANCE", "id": "i-1", "tags": {"Name": "web"},
			     "details": {"awsEc2Instance": {"type": "t3.medium"}}}, {"type": "AWS_LAMBDA_FUNCTION", "id": "f-2"}],
			   "firstObservedAt": 1729000000.1234, "lastObservedAt": 1729000001, "updatedAt": "2024-10-15T13:46:41.5Z",
			   "fixAvailable": "YES", "exploitAvailable": "NO"},
			  {"findingArn": "arn:2", "awsAccountId": "222222222222", "severity": "LOW", "status": "CLOSED",
			   "type": "NETWORK_REACHABILITY", "title": "Port 22", "resources": [],
			   "firstObservedAt": "1729000000.5", "lastObservedAt": null, "updatedAt": 1.729E9},
			  {"findingArn": "arn:3", "awsAccountId": "333333333333", "severity": "LOW", "status": "ACTIVE",
			   "type": "CODE_VULNERABILITY", "firstObservedAt": 1729000000}
			]}""";

	@Test
	void keepsTheFieldsOfARowAndSkipsTheRest() {
		try (FindingsReportParser parser = new FindingsReportParser(
				new ByteArrayInputStream(REPORT.getBytes(StandardCharsets.UTF_8)), "us-east-1",
				Set.of("111111111111", "222222222222")::contains)) {
			List<FindingRow> rows = parser.next(10);
			assertThat(parser.parsed()).as("every finding read, in scope or not").isEqualTo(3);
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0)).isEqualTo(new FindingRow("arn:1", "111111111111", "us-east-1", "HIGH", "ACTIVE",
					"PACKAGE_VULNERABILITY", "CVE-1 - openssl", "CVE-1", "AWS_EC2_INSTANCE", "i-1", 7.5, "YES", "NO",
					Instant.parse("2024-10-15T13:46:40.123Z"), Instant.parse("2024-10-15T13:46:41Z"),
					Instant.parse("2024-10-15T13:46:41.500Z")));
			assertThat(rows.get(1)).isEqualTo(new FindingRow("arn:2", "222222222222", "us-east-1", "LOW", "CLOSED",
					"NETWORK_REACHABILITY", "Port 22", null, null, null, null, null, null,
					Instant.parse("2024-10-15T13:46:40.500Z"), null, Instant.parse("2024-10-15T13:46:40Z")));
			assertThat(parser.next(10)).isEmpty();
		}
	}

}
