package dev.evident.job;

import dev.evident.run.Progress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.evident.evidence.Gaps;
import dev.evident.evidence.Runs;
import dev.evident.run.ExitCode;
import dev.evident.run.RunLayout;
import dev.evident.run.RunParameters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts a run, or resumes the last attempt of the same run when it failed or was
 * interrupted: the same command after a failure restarts the failed steps and partitions
 * with the original parameters, including its run id and {@code asOf}.
 */
@Component
public class RunLauncher {

	private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

	private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final Runs runs;

	private final Gaps gaps;

	private final Progress progress;

	private final RunLock runLock;

	public RunLauncher(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier(EvidencePackageJobConfiguration.JOB_NAME) Job job, Runs runs, Gaps gaps, Progress progress,
			RunLock runLock) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.runs = runs;
		this.gaps = gaps;
		this.progress = progress;
		this.runLock = runLock;
	}

	public static String newRunId(Instant now) {
		byte[] suffix = new byte[2];
		ThreadLocalRandom.current().nextBytes(suffix);
		return RUN_ID_TIME.format(now) + "-" + HexFormat.of().formatHex(suffix);
	}

	/**
	 * Runs the job to its end and returns what happened; fails fast when the scope is
	 * already running.
	 */
	public Outcome launch(RunParameters requested) throws Exception {
		try (RunLock.Held lock = runLock.acquire(requested.scopeKey())) {
			return launchLocked(requested);
		}
	}

	private Outcome launchLocked(RunParameters requested) throws Exception {
		Optional<JobExecution> unfinished = unfinishedAttempt(requested);
		JobExecution execution;
		if (unfinished.isPresent()) {
			JobExecution previous = unfinished.get();
			if (previous.getStatus() == BatchStatus.STARTED || previous.getStatus() == BatchStatus.STARTING
					|| previous.getStatus() == BatchStatus.STOPPING) {
				// This process holds the scope's lock, so a run still marked as running
				// was interrupted.
				previous = jobOperator.recover(previous);
			}
			log.info("Resuming run {} (execution {}, {})", previous.getJobParameters().getString(RunParameters.RUN_ID),
					previous.getId(), previous.getStatus());
			execution = jobOperator.restart(previous);
		}
		else {
			execution = jobOperator.start(job, requested.toJobParameters());
		}
		progress.finish();
		return outcome(execution);
	}

	/** What a finished execution of either job means for the user. */
	Outcome outcome(JobExecution execution) {
		String runId = execution.getJobParameters().getString(RunParameters.RUN_ID);
		RunParameters actual = RunParameters.from(execution.getJobParameters());
		var record = runs.find(runId);
		String packageId = execution.getJobParameters().getString(RunLayout.PACKAGE_ID);
		Optional<RunLayout> layout = record.filter(r -> r.orgId() != null)
			.map(r -> new RunLayout(actual.out(), r.orgId(), actual.period(), packageId == null ? runId : packageId));
		int gapCount = gaps.count(runId);
		int exit = execution.getStatus() == BatchStatus.COMPLETED ? (gapCount > 0 ? ExitCode.GAPS : ExitCode.COMPLETE)
				: ExitCode.FAILED;
		String failure = execution.getAllFailureExceptions()
			.stream()
			.findFirst()
			.map(t -> rootMessage(t))
			.orElse(execution.getExitStatus().getExitDescription());
		return new Outcome(runId, execution.getStatus(), exit, gapCount, layout, failure);
	}

	private Optional<JobExecution> unfinishedAttempt(RunParameters requested) {
		JobParameters scope = requested.scopeParameters();
		List<JobInstance> instances = jobRepository.getJobInstances(job.getName(), 0, 100);
		for (JobInstance instance : instances) {
			JobExecution last = jobRepository.getLastJobExecution(instance);
			if (last == null) {
				continue;
			}
			JobParameters p = last.getJobParameters();
			boolean same = scope.parameters().stream().allMatch(sp -> sp.value().equals(p.getString(sp.name())));
			if (same) {
				return last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED
						? Optional.empty() : Optional.of(last);
			}
		}
		return Optional.empty();
	}

	private static String rootMessage(Throwable t) {
		Throwable root = t;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	/** What a run ended with. */
	public record Outcome(String runId, BatchStatus status, int exitCode, int gaps, Optional<RunLayout> layout,
			String failure) {
	}

}
