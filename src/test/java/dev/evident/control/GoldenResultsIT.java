package dev.evident.control;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;
import dev.evident.support.TestRuns;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organization, evaluated at a fixed as-of, gives the statuses derived by hand
 * from its data in {@code src/test/resources/golden/demo-2026-Q3.yaml}; and every
 * framework keeps every requirement of its file, MANUAL where no control supports it.
 */
@DemoJobTest
class GoldenResultsIT {

	@Autowired
	RunLauncher launcher;

	@Autowired
	ControlCatalog catalog;

	@TempDir
	Path out;

	@Test
	void demoResultsMatchTheHandDerivedStatuses() throws Exception {
		Faults.of(DemoSimulator.get()).reset();
		Outcome outcome = launcher.launch(TestRuns.demo("golden", out));
		JsonNode results = new ObjectMapper()
			.readTree(outcome.layout().orElseThrow().packageDir().resolve("results.json").toFile());
		JsonNode golden;
		try (InputStream in = getClass().getResourceAsStream("/golden/demo-2026-Q3.yaml")) {
			golden = new ObjectMapper(new YAMLFactory()).readTree(in);
		}

		Map<String, String> expected = new LinkedHashMap<>();
		Map<String, String> actual = new LinkedHashMap<>();
		golden.fields().forEachRemaining(control -> {
			expected.put(control.getKey(), control.getValue().path("status").asText());
			control.getValue()
				.path("accounts")
				.fields()
				.forEachRemaining(a -> expected.put(control.getKey() + " " + a.getKey(), a.getValue().asText()));
		});
		for (JsonNode control : results.path("controls")) {
			String id = control.path("id").asText();
			actual.put(id, control.path("status").asText());
			if (golden.path(id).has("accounts")) {
				for (JsonNode account : control.path("accounts")) {
					actual.put(id + " " + account.path("accountId").asText(), account.path("status").asText());
				}
			}
		}
		assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);

		for (JsonNode framework : results.path("frameworks")) {
			Framework file = catalog.framework(framework.path("id").asText()).orElseThrow();
			assertThat(framework.path("requirements")).hasSize(file.requirements().size());
			long manual = file.requirements().stream().filter(r -> r.controls().isEmpty()).count();
			assertThat(framework.path("summary").path("MANUAL").path("requirements").asLong())
				.as(file.id() + " requirements without a control are MANUAL")
				.isGreaterThanOrEqualTo(manual);
		}
	}

}
