package dev.evident.organizations;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.evident.aws.AwsClientConfigurer;
import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.RunLayout;
import dev.evident.run.RunParameters;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The first step: registers the run, then walks the organization from the management
 * account, {@code --parallelism} lists at once, and replaces the run's organization rows
 * with what it found (and records the raw responses) in the step's transaction.
 */
public class DiscoverOrganizationTasklet implements Tasklet {

	private final AwsClientConfigurer aws;

	private final Runs runs;

	private final OrganizationStore store;

	private final EvidenceFiles files;

	private final Progress progress;

	private final int parallelism;

	public DiscoverOrganizationTasklet(AwsClientConfigurer aws, Runs runs, OrganizationStore store, EvidenceFiles files,
			Progress progress, int parallelism) {
		this.aws = aws;
		this.runs = runs;
		this.store = store;
		this.files = files;
		this.progress = progress;
		this.parallelism = parallelism;
	}

	/** The account the base credentials belong to. */
	private String callerAccount() {
		try (StsClient sts = aws.build(StsClient.builder(), aws.baseCredentials(), aws.defaultRegion())) {
			return sts.getCallerIdentity().account();
		}
	}

	private ExecutorService walkers() {
		AtomicInteger threads = new AtomicInteger();
		return Executors.newFixedThreadPool(parallelism, r -> {
			Thread thread = new Thread(r, "organization-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		RunParameters run = RunParameters.from(chunk.getStepContext().getStepExecution().getJobParameters());
		runs.begin(run, Instant.now());
		try (OrganizationsClient client = aws.build(OrganizationsClient.builder(), aws.baseCredentials(),
				aws.defaultRegion())) {
			var described = OrganizationCollector.describe(client);
			String orgId = described.organization().id();
			String management = described.organization().masterAccountId();
			RunLayout layout = new RunLayout(run.out(), orgId, run.period(), run.runId());
			RawSink raw = new RawSink(files, run.runId(), layout.staging(), management, aws.defaultRegion().id())
				.deferred();
			OrganizationSnapshot snapshot;
			ExecutorService walkers = walkers();
			try {
				snapshot = new OrganizationCollector(client, raw, walkers).collect(described,
						new OrganizationCollector.Scope(Set.copyOf(run.accounts()), Set.copyOf(run.ous())));
			}
			finally {
				walkers.shutdownNow();
			}
			store.replace(run.runId(), snapshot);
			raw.flush();
			runs.recordOrganization(run.runId(), orgId, management, callerAccount());
			contribution.incrementWriteCount(snapshot.accounts().size());
			progress.accountsTotal((int) snapshot.accounts().stream().filter(a -> a.collectable()).count());
		}
		return RepeatStatus.FINISHED;
	}

}
