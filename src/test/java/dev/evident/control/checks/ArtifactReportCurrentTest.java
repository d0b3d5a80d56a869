package dev.evident.control.checks;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.artifact.ArtifactReportStore;
import dev.evident.control.Status;
import dev.evident.evidence.SqlDialect;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactReportCurrentTest {

	static final Map<String, Object> SOC2 = Map.of("series", "SOC 2");

	CheckFixture store = new CheckFixture();

	ArtifactReportCurrent check = new ArtifactReportCurrent(new ArtifactReportStore(store.jdbc, SqlDialect.H2));

	@Test
	void passesWhenACurrentReportCoversTheWholeQuarter() {
		store.artifactReport("r-1", "SOC 2 Type II Report", "SOC 2", Instant.parse("2025-10-01T00:00:00Z"),
				Instant.parse("2026-09-30T23:59:59Z"));
		store.artifactReport("r-0", "SOC 2 Type II Report 2023", "SOC 2", Instant.parse("2022-10-01T00:00:00Z"),
				Instant.parse("2023-09-30T00:00:00Z"));

		var results = check.evaluate(store.context(SOC2));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("SOC 2 Type II Report v3");
			assertThat(r.reason()).contains("covers 2025-10-01T00:00:00Z to 2026-09-30T23:59:59Z").contains("2026-Q3");
			assertThat(r.evidence()).containsExactly("raw/111111111111/artifact/r-1-v3.pdf");
		});
	}

	@Test
	void failsAndNamesTheStaleReportWhenNoneCoversTheQuarter() {
		store.artifactReport("r-1", "SOC 2 Type II Report", "SOC 2", Instant.parse("2025-10-01T00:00:00Z"),
				Instant.parse("2026-08-13T00:00:00Z"));

		var results = check.evaluate(store.context(SOC2));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.reason()).startsWith("The newest SOC 2 report, SOC 2 Type II Report, covers")
				.contains("does not cover 2026-Q3 (2026-07-01 to 2026-09-30)");
		});
	}

	@Test
	void failsWhenNoReportOfTheSeriesExists() {
		store.artifactReport("r-9", "PCI DSS Attestation of Compliance", "PCI DSS",
				Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

		var results = check.evaluate(store.context(SOC2));

		assertThat(results).singleElement()
			.satisfies(r -> assertThat(r.reason())
				.isEqualTo("No AWS Artifact report of series SOC 2 is available to this organization."));
	}

	@Test
	void hasNoEvidenceWhenTheInventoryCouldNotBeCollected() {
		store.gap("111111111111", "artifact");

		var results = check.evaluate(store.context(SOC2));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.resource()).isEqualTo("AWS Artifact: SOC 2");
		});
	}

}
