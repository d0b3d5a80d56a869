package dev.evident.organizations;

import dev.evident.run.EvidentProperties;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code discoverOrganization} step. */
@Configuration(proxyBeanMethods = false)
public class OrganizationStepConfiguration {

	@Bean
	Step discoverOrganization(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwsClientConfigurer aws, Runs runs, OrganizationStore store, EvidenceFiles files, Progress progress,
			EvidentProperties settings) {
		return new StepBuilder("discoverOrganization", jobRepository)
			.tasklet(new DiscoverOrganizationTasklet(aws, runs, store, files, progress, settings.parallelism()),
					transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

}
