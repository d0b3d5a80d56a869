package dev.evident.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders one file of the package from the store: written beside its final name, moved
 * into place in one rename, and recorded with the hash the renderer computed while
 * writing, so a crash never leaves half a file under the final name.
 */
public class RenderedFileTasklet implements Tasklet {

	private final Runs runs;

	private final EvidenceFiles files;

	private final String name;

	private final Renderer renderer;

	public RenderedFileTasklet(Runs runs, EvidenceFiles files, String name, Renderer renderer) {
		this.runs = runs;
		this.files = files;
		this.name = name;
		this.renderer = renderer;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
		Path root = run.layout().staging();
		Files.createDirectories(root);
		Path tmp = root.resolve(name + ".tmp");
		EvidenceFiles.Written written = renderer.render(run, tmp);
		Files.move(tmp, root.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		files.record(run.runId(), new EvidenceFiles.Written(name, written.sha256(), written.size()),
				new EvidenceFiles.Source("evident:" + chunk.getStepContext().getStepName(), null, null, null,
						Instant.now()));
		return RepeatStatus.FINISHED;
	}

	@FunctionalInterface
	public interface Renderer {

		/** Renders to {@code target}, returning the SHA-256 and size of what it wrote. */
		EvidenceFiles.Written render(RunContext run, Path target) throws Exception;

	}

}
