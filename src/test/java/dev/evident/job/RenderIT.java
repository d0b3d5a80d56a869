package dev.evident.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.bundle.BundleVerifier;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.run.RunLayout;
import dev.evident.simulator.Simulator;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;
import dev.evident.support.TestRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * evident render --run rebuilds every output from the store, without a single AWS call.
 */
@DemoJobTest
class RenderIT {

	@Autowired
	RunLauncher runs;

	@Autowired
	RenderLauncher render;

	@TempDir
	Path out;

	Simulator simulator = DemoSimulator.get();

	@Test
	void renderRebuildsTheSameResultsAndDataHashesWithoutAws() throws Exception {
		Faults.of(simulator).reset();
		Outcome collected = runs.launch(TestRuns.demo("render-test", out));
		Path pkg = collected.layout().orElseThrow().packageDir();
		byte[] results = Files.readAllBytes(pkg.resolve("results.json"));
		Map<String, String> rawHashes = dataHashes(pkg);
		long callsBefore = simulator.calls().total();

		byte[] originalManifest = Files.readAllBytes(pkg.resolve("manifest.json"));
		byte[] originalBundle = Files.readAllBytes(collected.layout().orElseThrow().bundle());

		Outcome rendered = render.render(collected.runId(), List.of());

		// then: a new package of its own id, from the same evidence, without AWS
		assertThat(rendered.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rendered.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(rendered.runId()).isEqualTo(collected.runId());
		assertThat(simulator.calls().total()).as("AWS calls during render").isEqualTo(callsBefore);
		RunLayout layout = rendered.layout().orElseThrow();
		Path again = layout.packageDir();
		assertThat(layout.packageId()).isNotEqualTo(collected.runId());
		assertThat(again).isNotEqualTo(pkg).isDirectory();
		assertThat(layout.bundle()).isNotEqualTo(collected.layout().orElseThrow().bundle()).isRegularFile();
		assertThat(Files.readAllBytes(again.resolve("results.json"))).isEqualTo(results);
		assertThat(dataHashes(again)).isEqualTo(rawHashes).isNotEmpty();
		JsonNode manifest = new ObjectMapper().readTree(again.resolve("manifest.json").toFile());
		assertThat(manifest.path("runId").asText()).isEqualTo(collected.runId());
		assertThat(manifest.path("packageId").asText()).isEqualTo(layout.packageId());
		assertThat(manifest.path("renderedFrom").asText()).isEqualTo(collected.runId());
		assertThat(Files.readString(again.resolve("README.txt")))
			.contains("rendered again from the evidence of run " + collected.runId());
		assertIntact(layout.bundle());

		// and the run's own package is as it was sealed
		assertThat(Files.readAllBytes(pkg.resolve("manifest.json"))).isEqualTo(originalManifest);
		assertThat(Files.readAllBytes(collected.layout().orElseThrow().bundle())).isEqualTo(originalBundle);
		assertThat(new ObjectMapper().readTree(originalManifest).path("packageId").asText())
			.isEqualTo(collected.runId());
		assertThat(new ObjectMapper().readTree(originalManifest).has("renderedFrom")).isFalse();
		assertIntact(collected.layout().orElseThrow().bundle());
	}

	private static void assertIntact(Path bundle) throws Exception {
		BundleVerifier.Report report = new BundleVerifier(BundleVerifier.Limits.defaults()).verify(bundle, null);
		assertThat(report.modified()).as(bundle.toString()).isEmpty();
		assertThat(report.missing()).isEmpty();
		assertThat(report.unexpected()).isEmpty();
		assertThat(report.manifestProblems()).isEmpty();
	}

	@Test
	void anUnknownRunIsAUsageError() {
		assertThatThrownBy(() -> render.render("no-such-run", List.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("--run: no run no-such-run in the evidence store");
	}

	/** The hashes of the raw and manual evidence in the manifest. */
	private static Map<String, String> dataHashes(Path pkg) throws Exception {
		JsonNode manifest = new ObjectMapper().readTree(pkg.resolve("manifest.json").toFile());
		Map<String, String> hashes = new TreeMap<>();
		for (JsonNode f : manifest.path("files")) {
			if (f.path("path").asText().startsWith("raw/") || f.path("path").asText().startsWith("manual/")) {
				hashes.put(f.path("path").asText(), f.path("sha256").asText());
			}
		}
		return hashes;
	}

}
