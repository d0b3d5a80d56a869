package dev.evident.manual;

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

/**
 * The {@code collectManualEvidence} step: the files of {@code --manual-evidence}, hashed
 * into the package under {@code manual/<control-id>/}.
 */
@Configuration(proxyBeanMethods = false)
public class ManualEvidenceStepConfiguration {

	@Bean
	Step collectManualEvidence(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ManualEvidenceFolder.ControlIds controls, Runs runs, EvidenceFiles files, Progress progress) {
		return new StepBuilder("collectManualEvidence", jobRepository)
			.tasklet(new CollectManualEvidenceTasklet(controls, runs, files), transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

}
