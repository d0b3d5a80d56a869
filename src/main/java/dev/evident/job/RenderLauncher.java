package dev.evident.job;

import dev.evident.run.Progress;
import java.time.Instant;
import java.util.List;

import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.RunLayout;
import dev.evident.run.RunParameters;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Renders a past run again ({@code evident render --run RUN_ID}) with the parameters it
 * was collected with: same period, scope and {@code asOf}, so the same evidence gives the
 * same results. The new package has its own id and records the run it was rendered from;
 * the run's own package stays as it was sealed.
 */
@Component
public class RenderLauncher {

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job render;

	private final RunLauncher runs;

	private final Progress progress;

	private final RunLock runLock;

	public RenderLauncher(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier(RenderPackageJobConfiguration.JOB_NAME) Job render, RunLauncher runs, Progress progress,
			RunLock runLock) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.render = render;
		this.runs = runs;
		this.progress = progress;
		this.runLock = runLock;
	}

	public Outcome render(String runId, List<String> frameworks) throws Exception {
		JobParameters collected = collected(runId);
		try (RunLock.Held lock = runLock.acquire(RunParameters.from(collected).scopeKey())) {
			return render(collected, frameworks);
		}
	}

	private Outcome render(JobParameters collected, List<String> frameworks) throws Exception {
		JobParametersBuilder parameters = new JobParametersBuilder(collected);
		Instant now = Instant.now();
		parameters.addString("render.at", now.toString(), true);
		// its own id: two packages with different hashes never share one
		parameters.addString(RunLayout.PACKAGE_ID, RunLauncher.newRunId(now), true);
		if (frameworks != null && !frameworks.isEmpty()) {
			parameters.addString("frameworks", String.join(",", frameworks), false);
		}
		JobExecution execution = jobOperator.start(render, parameters.toJobParameters());
		progress.finish();
		return runs.outcome(execution);
	}

	/** The parameters of the run's collection, which must have completed. */
	private JobParameters collected(String runId) {
		for (JobInstance instance : jobRepository.findJobInstances(EvidencePackageJobConfiguration.JOB_NAME)) {
			JobExecution last = jobRepository.getLastJobExecution(instance);
			if (last != null && runId.equals(last.getJobParameters().getString(RunParameters.RUN_ID))) {
				if (!last.getStatus().equals(org.springframework.batch.core.BatchStatus.COMPLETED)) {
					throw new IllegalArgumentException("--run " + runId + " has not completed (" + last.getStatus()
							+ "); run its collection again first");
				}
				return last.getJobParameters();
			}
		}
		throw new IllegalArgumentException("--run: no run " + runId + " in the evidence store");
	}

}
