package dev.evident.job;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.run.RunLayout;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step of {@code renderPackage}: puts a sealed package back into its staging
 * folder, so that its outputs are rebuilt beside the raw evidence already collected, and
 * sealed again. While it is being rebuilt, the package does not look complete.
 */
public class ReopenPackageTasklet implements Tasklet {

	private final Runs runs;

	public ReopenPackageTasklet(Runs runs) {
		this.runs = runs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		RunLayout layout = RunContext.of(chunk.getStepContext().getStepExecution(), runs).layout();
		if (Files.isDirectory(layout.staging())) {
			return RepeatStatus.FINISHED;
		}
		if (!Files.isDirectory(layout.packageDir())) {
			throw new IllegalStateException("the package folder " + layout.packageDir()
					+ " with the run's raw evidence is missing; render rebuilds the outputs beside it");
		}
		Files.move(layout.packageDir(), layout.staging(), StandardCopyOption.ATOMIC_MOVE);
		return RepeatStatus.FINISHED;
	}

}
