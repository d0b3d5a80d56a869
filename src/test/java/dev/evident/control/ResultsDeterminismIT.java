package dev.evident.control;

import java.nio.file.Files;
import java.nio.file.Path;

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

/** The same evidence and the same --as-of give a byte-identical results.json. */
@DemoJobTest
class ResultsDeterminismIT {

	@Autowired
	RunLauncher launcher;

	@TempDir
	Path first;

	@TempDir
	Path second;

	@Test
	void twoRunsOverTheSameEvidenceWriteTheSameBytes() throws Exception {
		Faults.of(DemoSimulator.get()).reset();

		Outcome a = launcher.launch(TestRuns.demo("determinism-a", first));
		Outcome b = launcher.launch(TestRuns.demo("determinism-b", second));

		assertThat(a.runId()).isNotEqualTo(b.runId());
		byte[] resultsA = Files.readAllBytes(a.layout().orElseThrow().packageDir().resolve("results.json"));
		byte[] resultsB = Files.readAllBytes(b.layout().orElseThrow().packageDir().resolve("results.json"));
		assertThat(resultsA).isEqualTo(resultsB);
	}

}
