package dev.evident.bundle;

import java.nio.file.Path;

import dev.evident.run.EvidentProperties;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sealing, in two steps around the report: {@code writeManifest} (README.txt and
 * manifest.json, whose hash the report's cover quotes) and {@code seal} (signature,
 * SHA256SUMS, the package folder moved into place, the zip).
 */
@Configuration(proxyBeanMethods = false)
public class SealStepConfiguration {

	@Bean
	Step writeManifest(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, Progress progress, EvidentProperties settings) {
		Tasklet manifest = (contribution, chunk) -> {
			PackageManifest.write(RunContext.of(chunk.getStepContext().getStepExecution(), runs), files,
					settings.version(), settings.sign().enabled());
			return RepeatStatus.FINISHED;
		};
		return new StepBuilder("writeManifest", jobRepository).tasklet(manifest, transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

	@Bean
	Step seal(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, Progress progress, EvidentProperties settings) {
		// The password comes from EVIDENT_SIGN_PASSWORD (the environment), never from the
		// command line.
		EvidentProperties.Sign sign = settings.sign();
		Signer.SigningKey key = sign.enabled()
				? Signer.SigningKey.load(Path.of(sign.keystore()), sign.alias(), sign.password().toCharArray()) : null;
		return new StepBuilder("seal", jobRepository)
			.tasklet(new SealTasklet(runs, files, settings.version(), key), transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

}
