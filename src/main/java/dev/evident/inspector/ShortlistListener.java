package dev.evident.inspector;

import dev.evident.run.RunParameters;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts the run's shortlist bests afresh with each execution of the findings step, and
 * deletes what the last writes outranked when it ends.
 */
class ShortlistListener implements StepExecutionListener {

	private final FindingShortlist shortlist;

	private final FindingStore store;

	ShortlistListener(FindingShortlist shortlist, FindingStore store) {
		this.shortlist = shortlist;
		this.store = store;
	}

	@Override
	public void beforeStep(StepExecution step) {
		shortlist.reset(runId(step));
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		store.settle(runId(step));
		shortlist.reset(runId(step));
		return null;
	}

	private static String runId(StepExecution step) {
		return step.getJobExecution().getJobParameters().getString(RunParameters.RUN_ID);
	}

}
