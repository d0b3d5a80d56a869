package dev.evident.manual;

import java.nio.file.Files;
import java.time.Instant;

import dev.evident.manual.ManualEvidenceFolder.Item;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Copies the manual evidence into the package under {@code manual/<control-id>/}, hashing
 * it.
 */
public class CollectManualEvidenceTasklet implements Tasklet {

	private final ManualEvidenceFolder.ControlIds controls;

	private final Runs runs;

	private final EvidenceFiles files;

	public CollectManualEvidenceTasklet(ManualEvidenceFolder.ControlIds controls, Runs runs, EvidenceFiles files) {
		this.controls = controls;
		this.runs = runs;
		this.files = files;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
		if (run.parameters().manualEvidence() == null) {
			return RepeatStatus.FINISHED;
		}
		for (Item item : ManualEvidenceFolder.scan(run.parameters().manualEvidence(), controls)) {
			files.write(run.runId(), run.layout().staging(), item.packagePath(), out -> Files.copy(item.source(), out),
					new EvidenceFiles.Source("manual:evidence", "file=" + item.source().getFileName(), null, null,
							Instant.now()));
			contribution.incrementWriteCount(1);
		}
		return RepeatStatus.FINISHED;
	}

}
