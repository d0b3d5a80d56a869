package dev.evident.evidence;

import dev.evident.evidence.Runs.RunRecord;
import dev.evident.run.RunLayout;
import dev.evident.run.RunParameters;

import org.springframework.batch.core.step.StepExecution;

/**
 * What a step knows of its run: the parameters, the store's record, and where files go.
 */
public record RunContext(RunParameters parameters, RunRecord record, RunLayout layout) {

	public static RunContext of(StepExecution step, Runs runs) {
		RunParameters parameters = RunParameters.from(step.getJobExecution().getJobParameters());
		RunRecord record = runs.require(parameters.runId());
		if (record.orgId() == null) {
			throw new IllegalStateException("run " + parameters.runId() + " has not discovered its organization");
		}
		String packageId = step.getJobExecution().getJobParameters().getString(RunLayout.PACKAGE_ID);
		return new RunContext(parameters, record, new RunLayout(parameters.out(), record.orgId(), parameters.period(),
				packageId == null ? parameters.runId() : packageId));
	}

	public String runId() {
		return parameters.runId();
	}

	/** The package's own id: the run id, or a rendering's new id. */
	public String packageId() {
		return layout.packageId();
	}
}
