package dev.evident.artifact;

import dev.evident.run.EvidentProperties;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code collectArtifactReports} step. */
@Configuration(proxyBeanMethods = false)
public class ArtifactStepConfiguration {

	@Bean
	Step collectArtifactReports(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwsClientConfigurer aws, Runs runs, EvidenceFiles files, Gaps gaps, ArtifactReportStore store,
			Progress progress, EvidentProperties settings) {
		return new StepBuilder("collectArtifactReports", jobRepository)
			.tasklet(new CollectArtifactReportsTasklet(aws, runs, files, gaps, store,
					DocumentSelection.parse(settings.artifact().documents())), transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

}
