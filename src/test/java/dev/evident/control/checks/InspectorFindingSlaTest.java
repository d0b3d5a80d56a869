package dev.evident.control.checks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.Status;

import static dev.evident.control.checks.CheckFixture.active;
import static org.assertj.core.api.Assertions.assertThat;

class InspectorFindingSlaTest {

	static final Map<String, Object> SLA = Map.of("sla_days", Map.of("CRITICAL", 15, "HIGH", 30, "MEDIUM", 90));

	CheckFixture store = new CheckFixture();

	InspectorFindingSla check = new InspectorFindingSla(store.jdbc);

	@Test
	void passesWhenNoActiveFindingIsPastItsSla() {
		store.finding("arn:f1", "444444444444", "CRITICAL", "ACTIVE", 14);
		store.finding("arn:f2", "444444444444", "CRITICAL", "CLOSED", 300);
		store.finding("arn:f3", "444444444444", "HIGH", "SUPPRESSED", 300);
		store.finding("arn:f4", "444444444444", "LOW", "ACTIVE", 900);

		var results = check.evaluate(store.context(SLA, active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.PASS);
			assertThat(r.resource()).isEqualTo("Inspector findings of account 444444444444");
			assertThat(r.reason())
				.isEqualTo("Account 444444444444 has no ACTIVE finding past its SLA as of 2026-10-15T00:00:00Z.");
		});
	}

	@Test
	void failsWithTheCountsPerSeverityAsOfTheEvaluationClock() {
		store.finding("arn:f1", "444444444444", "CRITICAL", "ACTIVE", 16);
		store.finding("arn:f2", "444444444444", "CRITICAL", "ACTIVE", 40);
		store.finding("arn:f3", "444444444444", "HIGH", "ACTIVE", 31);
		store.finding("arn:f4", "444444444444", "HIGH", "ACTIVE", 29);

		var results = check.evaluate(store.context(SLA, active("444444444444")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.FAIL);
			assertThat(r.reason()).startsWith("Account 444444444444 has 3 ACTIVE findings past their SLA")
				.contains("2 CRITICAL > 15 days")
				.contains("1 HIGH > 30 days");
		});
	}

	@Test
	void hasNoEvidenceWhenARegionsFindingsCouldNotBeCollected() {
		store.gap("222222222222", "inspector2:eu-west-1");

		var results = check.evaluate(store.context(SLA, active("555555555555")));

		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Status.NO_EVIDENCE);
			assertThat(r.reason()).contains("inspector2:eu-west-1 (AccessDenied)").contains("555555555555");
		});
	}

}
