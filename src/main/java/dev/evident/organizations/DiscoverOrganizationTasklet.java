package dev.evident.organizations;

import java.time.Instant;
import java.util.Set;

import dev.evident.aws.AwsClientConfigurer;
import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Runs;
import dev.evident.job.Progress;
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
 * account and replaces the run's organization rows with what it found.
 */
public class DiscoverOrganizationTasklet implements Tasklet {

	private final AwsClientConfigurer aws;

	private final Runs runs;

	private final OrganizationStore store;

	private final EvidenceFiles files;

	private final Progress progress;

	public DiscoverOrganizationTasklet(AwsClientConfigurer aws, Runs runs, OrganizationStore store, EvidenceFiles files,
			Progress progress) {
		this.aws = aws;
		this.runs = runs;
		this.store = store;
		this.files = files;
		this.progress = progress;
	}

	/** The account the base credentials belong to. */
	private String callerAccount() {
		try (StsClient sts = aws.build(StsClient.builder(), aws.baseCredentials(), aws.defaultRegion())) {
			return sts.getCallerIdentity().account();
		}
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
			RawSink raw = new RawSink(files, run.runId(), layout.staging(), management, aws.defaultRegion().id());
			OrganizationSnapshot snapshot = new OrganizationCollector(client, raw).collect(described,
					new OrganizationCollector.Scope(Set.copyOf(run.accounts()), Set.copyOf(run.ous())));
			store.replace(run.runId(), snapshot);
			runs.recordOrganization(run.runId(), orgId, management, callerAccount());
			contribution.incrementWriteCount(snapshot.accounts().size());
			progress.accountsTotal((int) snapshot.accounts().stream().filter(a -> a.collectable()).count());
		}
		return RepeatStatus.FINISHED;
	}

}
