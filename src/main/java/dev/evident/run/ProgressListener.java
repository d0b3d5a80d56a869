package dev.evident.run;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Tells the progress display which step runs. */
public class ProgressListener implements StepExecutionListener {

	private final Progress progress;

	public ProgressListener(Progress progress) {
		this.progress = progress;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		if (!stepExecution.getStepName().contains(":")) {
			progress.step(stepExecution.getStepName());
		}
	}

}
