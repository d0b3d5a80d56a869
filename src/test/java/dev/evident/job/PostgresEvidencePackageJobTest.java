package dev.evident.job;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.evident.support.Postgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole demo job, with the same assertions, on PostgreSQL (run by .ci/run). */
@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class PostgresEvidencePackageJobTest extends EvidencePackageJobTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		Postgres.register(registry);
	}

}
