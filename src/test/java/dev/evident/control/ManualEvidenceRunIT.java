package dev.evident.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;
import dev.evident.support.PackageFiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Manual evidence is hashed, bundled under manual/ and listed under its control. */
@DemoJobTest
class ManualEvidenceRunIT {

	@Autowired
	RunLauncher launcher;

	@TempDir
	Path out;

	@TempDir
	Path evidence;

	@Test
	void filesAreBundledHashedAndListedUnderTheirControl() throws Exception {
		Files.createDirectories(evidence.resolve("guardduty-enabled/screens"));
		Files.writeString(evidence.resolve("guardduty-enabled/org-settings.json"), "{\"autoEnable\": \"ALL\"}");
		Files.writeString(evidence.resolve("guardduty-enabled/screens/findings.txt"), "routed to SecOps");
		Faults.of(DemoSimulator.get()).reset();

		Outcome outcome = launcher
			.launch(new RunParameters("manual-evidence", Period.parse("2026-Q3"), DemoSimulator.AS_OF, Source.DEMO, out,
					null, null, List.of(), List.of(), DemoSimulator.regions(), 4, List.of("soc2"), evidence));

		Path pkg = outcome.layout().orElseThrow().packageDir();
		assertThat(pkg.resolve("manual/guardduty-enabled/org-settings.json")).hasContent("{\"autoEnable\": \"ALL\"}");
		assertThat(PackageFiles.sums(pkg)).containsEntry("manual/guardduty-enabled/screens/findings.txt",
				PackageFiles.sha256(evidence.resolve("guardduty-enabled/screens/findings.txt")));
		JsonNode results = new ObjectMapper().readTree(pkg.resolve("results.json").toFile());
		JsonNode guardduty = null;
		for (JsonNode control : results.path("controls")) {
			if (control.path("id").asText().equals("guardduty-enabled")) {
				guardduty = control.path("accounts").get(0).path("results").get(0);
			}
		}
		assertThat(guardduty.path("status").asText()).isEqualTo("MANUAL");
		assertThat(guardduty.path("reason").asText())
			.isEqualTo("2 file(s) of manual evidence attached for review: org-settings.json, screens/findings.txt.");
		assertThat(guardduty.path("evidence")).hasSize(2);
		assertThat(results.path("frameworks")).singleElement()
			.satisfies(f -> assertThat(f.path("id").asText()).isEqualTo("soc2"));
	}

}
