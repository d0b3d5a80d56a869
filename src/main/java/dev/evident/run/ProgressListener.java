package dev.evident.run;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Tells the progress display which step runs. */
public class ProgressListener implements StepExecutionListener {

	private final Progress progress;

	private final String service;

	public ProgressListener(Progress progress) {
		this(progress, null);
	}

	/**
	 * For a step that goes through the accounts again: names the service it collects, and
	 * counts its accounts from zero.
	 */
	public ProgressListener(Progress progress, String service) {
		this.progress = progress;
		this.service = service;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		if (stepExecution.getStepName().contains(":")) {
			return;
		}
		if (service != null) {
			progress.accountsRestart();
			progress.step(stepExecution.getStepName() + " (" + service + ")");
		}
		else {
			progress.step(stepExecution.getStepName());
		}
	}

}
