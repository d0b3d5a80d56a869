package dev.evident.job;

import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;
import dev.evident.evidence.Runs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code renderPackage} job ({@code evident render --run RUN_ID}): evaluates and
 * renders a past run again from the evidence store alone, without AWS, and seals it
 * again.
 */
@Configuration(proxyBeanMethods = false)
public class RenderPackageJobConfiguration {

	public static final String JOB_NAME = "renderPackage";

	@Bean
	Step copyPackage(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			Progress progress) {
		return new StepBuilder("copyPackage", jobRepository).tasklet(new CopyPackageTasklet(runs), transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

	@Bean
	Job renderPackage(JobRepository jobRepository, @Qualifier("copyPackage") Step copyPackage,
			@Qualifier("evaluateControls") Step evaluateControls, @Qualifier("renderWorkbook") Step renderWorkbook,
			@Qualifier("writeManifest") Step writeManifest, @Qualifier("renderReport") Step renderReport,
			@Qualifier("seal") Step seal) {
		return new JobBuilder(JOB_NAME, jobRepository).start(copyPackage)
			.next(evaluateControls)
			.next(renderWorkbook)
			.next(writeManifest)
			.next(renderReport)
			.next(seal)
			.build();
	}

}
