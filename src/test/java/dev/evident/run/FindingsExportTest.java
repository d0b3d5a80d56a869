package dev.evident.run;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The findings export options, as parsed and as carried in job parameters. */
class FindingsExportTest {

	static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	@Test
	void aDestinationNamesTheBucketThePrefixAndTheReportsObjectKey() {
		FindingsExport export = FindingsExport.parse("s3://audit-exports/inspector/q3/", KEY, null);

		assertThat(export.bucket()).isEqualTo("audit-exports");
		assertThat(export.keyPrefix()).isEqualTo("inspector/q3");
		assertThat(export.forced()).isTrue();
		assertThat(export.uri()).isEqualTo("s3://audit-exports/inspector/q3");
		assertThat(export.objectKey("r-1")).isEqualTo("inspector/q3/r-1.json");
		assertThat(FindingsExport.parse("s3://audit-exports", KEY, 10L).objectKey("r-1")).isEqualTo("r-1.json");
	}

	@Test
	void malformedDestinationsAreRefused() {
		for (String bad : new String[] { "audit-exports/x", "s3:///x", "s3://Audit_Exports/x", "s3://b/x?versionId=1",
				"file:///tmp" }) {
			assertThatThrownBy(() -> FindingsExport.parse(bad, KEY, null)).as(bad)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("is not an S3 URI");
		}
		assertThatThrownBy(() -> FindingsExport.parse("s3://b-1/x", KEY, -1L))
			.hasMessageContaining("must be 0 or more");
		assertThat(FindingsExport.parse(null, null, null)).isNull();
	}

	@Test
	void theExportAndItsThresholdSurviveJobParameters() {
		RunParameters run = new RunParameters("r", Period.parse("2026-Q3"),
				java.time.Instant.parse("2026-10-15T00:00:00Z"), Source.DEMO, Path.of("/out"), null, null,
				java.util.List.of(), java.util.List.of(), java.util.List.of(), 4);

		assertThat(RunParameters.from(run.toJobParameters()).findingsExport()).isNull();
		FindingsExport above = FindingsExport.parse("s3://audit-exports/p", KEY, 250_000L);
		assertThat(RunParameters.from(run.withFindingsExport(above).toJobParameters()).findingsExport())
			.isEqualTo(above);
		FindingsExport forced = FindingsExport.parse("s3://audit-exports/p", KEY, null);
		assertThat(RunParameters.from(run.withFindingsExport(forced).toJobParameters()).findingsExport())
			.isEqualTo(forced);
	}

}
