package dev.evident.bundle;

import java.nio.file.Path;

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
import org.springframework.beans.factory.annotation.Value;
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

	/**
	 * The keystore password comes only from the environment, never from the command line.
	 */
	static char[] password() {
		String password = System.getenv(Signer.PASSWORD_VARIABLE);
		return password == null ? new char[0] : password.toCharArray();
	}

	@Bean
	Step writeManifest(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, Progress progress, @Value("${evident.version:dev}") String version,
			@Value("${evident.sign.keystore:}") String keystore) {
		Tasklet manifest = (contribution, chunk) -> {
			PackageManifest.write(RunContext.of(chunk.getStepContext().getStepExecution(), runs), files, version,
					!keystore.isBlank());
			return RepeatStatus.FINISHED;
		};
		return new StepBuilder("writeManifest", jobRepository).tasklet(manifest, transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

	@Bean
	Step seal(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, Progress progress, @Value("${evident.version:dev}") String version,
			@Value("${evident.sign.keystore:}") String keystore, @Value("${evident.sign.alias:}") String alias,
			@Value("${evident.sign.password:}") String password) {
		// The password comes from EVIDENT_SIGN_PASSWORD (the environment), never from the
		// command line.
		Signer.SigningKey key = keystore.isBlank() ? null
				: Signer.SigningKey.load(Path.of(keystore), alias, password.toCharArray());
		return new StepBuilder("seal", jobRepository)
			.tasklet(new SealTasklet(runs, files, version, key), transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

}
