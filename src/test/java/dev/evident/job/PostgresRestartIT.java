package dev.evident.job;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.evident.support.Postgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The restart test on PostgreSQL (run by .ci/run). */
@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class PostgresRestartIT extends RestartIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		Postgres.register(registry);
	}

}
