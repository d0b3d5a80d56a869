package dev.evident.job;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.evident.job.RunLauncher.Outcome;
import dev.evident.support.Postgres;
import dev.evident.support.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole demo job, with the same assertions, on PostgreSQL (run by .ci/run). */
@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class PostgresEvidencePackageJobIT extends EvidencePackageJobIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		Postgres.register(registry);
	}

	@Test
	void theTablesARunFillsAreAnalyzedBeforeTheyAreQueriedAtLarge(@TempDir Path out) throws Exception {
		// given
		Instant before = Instant.now().minusSeconds(1);

		// when
		Outcome outcome = launcher.launch(TestRuns.demo("job-test-analyze", out));

		// then: the planner's statistics were refreshed during the run, not left to
		// autovacuum's schedule
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		for (String table : List.of("ev_finding", "ev_credential_report_row", "ev_control_result")) {
			Timestamp analyzed = jdbc.queryForObject(
					"SELECT last_analyze FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ?",
					Timestamp.class, table);
			assertThat(analyzed).as("last ANALYZE of " + table).isNotNull();
			assertThat(analyzed.toInstant()).as("last ANALYZE of " + table).isAfter(before);
		}
	}

}
