package dev.evident.bundle;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Runs;
import dev.evident.job.Progress;
import dev.evident.job.ProgressListener;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code seal} step. */
@Configuration(proxyBeanMethods = false)
public class SealStepConfiguration {

	@Bean
	Step seal(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, Progress progress, @Value("${evident.version:dev}") String version) {
		return new StepBuilder("seal", jobRepository).tasklet(new SealTasklet(runs, files, version), transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

}
