package dev.evident.artifact;

import dev.evident.aws.AwsClientConfigurer;
import dev.evident.aws.AwsErrors;
import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.artifact.ArtifactClient;

/** Collects the AWS Artifact inventory of the management account; a refusal is a gap. */
public class CollectArtifactReportsTasklet implements Tasklet {

	static final String SOURCE = "artifact";

	private final AwsClientConfigurer aws;

	private final Runs runs;

	private final EvidenceFiles files;

	private final Gaps gaps;

	private final ArtifactReportStore store;

	private final DocumentSelection documents;

	public CollectArtifactReportsTasklet(AwsClientConfigurer aws, Runs runs, EvidenceFiles files, Gaps gaps,
			ArtifactReportStore store, DocumentSelection documents) {
		this.aws = aws;
		this.runs = runs;
		this.files = files;
		this.gaps = gaps;
		this.store = store;
		this.documents = documents;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
		String account = run.record().callerAccountId();
		gaps.clear(run.runId(), account, SOURCE);
		RawSink raw = new RawSink(files, run.runId(), run.layout().staging(), account, aws.defaultRegion().id());
		try (ArtifactClient client = aws.build(ArtifactClient.builder(), aws.baseCredentials(), aws.defaultRegion());
				DocumentDownloads http = new DocumentDownloads(ArtifactCollector.DOWNLOAD_TIMEOUT)) {
			new ArtifactCollector(client, raw, http, documents,
					(reportId, ex) -> gaps.record(run.runId(), account, SOURCE + ":" + reportId, "DownloadFailed",
							"the document of report " + reportId + " could not be downloaded: " + ex.getMessage()))
				.collect(report -> {
					store.save(run.runId(), report);
					contribution.incrementWriteCount(1);
				});
		}
		catch (SdkException ex) {
			AwsErrors.gapOrThrow(ex, (code, message) -> gaps.record(run.runId(), account, SOURCE, code, message));
		}
		return RepeatStatus.FINISHED;
	}

}
