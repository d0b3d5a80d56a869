package dev.evident.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server of the PostgreSQL tests, from the environment that
 * {@code .ci/run} sets ({@code EVIDENT_TEST_POSTGRES_URL}, {@code _USER},
 * {@code _PASSWORD}). Each test class gets a schema of its own, created by the same
 * Flyway migrations as H2's.
 */
public final class Postgres {

	public static final String URL_VARIABLE = "EVIDENT_TEST_POSTGRES_URL";

	private Postgres() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		String schema = "evident_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		registry.add("spring.datasource.url", () -> System.getenv(URL_VARIABLE) + "?currentSchema=" + schema);
		registry.add("spring.datasource.username", () -> System.getenv("EVIDENT_TEST_POSTGRES_USER"));
		registry.add("spring.datasource.password", () -> System.getenv("EVIDENT_TEST_POSTGRES_PASSWORD"));
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("spring.flyway.default-schema", () -> schema);
	}

}
