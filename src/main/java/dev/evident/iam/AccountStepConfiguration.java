package dev.evident.iam;

import dev.evident.run.EvidentProperties;
import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;
import dev.evident.organizations.AccountPartitioner;
import dev.evident.organizations.OrganizationStore;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code collectAccounts} step: one partition per account on a pool of
 * {@value #WORKERS_PER_REQUEST_SLOT} x {@code --parallelism} threads, of which at most
 * {@code --parallelism} have a request in flight at once (see
 * {@code AwsClientConfigurer}): while one account backs off after throttling, or parses
 * and stores what it got, another account's request goes out. A restart re-runs only the
 * partitions that did not complete.
 * <p>
 * The partition holds no database transaction while it talks to AWS: each store write is
 * a short transaction of its own (see {@link CollectAccountTasklet}).
 */
@Configuration(proxyBeanMethods = false)
public class AccountStepConfiguration {

	/**
	 * Threads per request slot: enough that accounts waiting out a throttling backoff
	 * (the SDK's waits after throttling average half a second, 25 requests at 20 ms) do
	 * not leave slots idle at a few percent of calls throttled.
	 */
	static final int WORKERS_PER_REQUEST_SLOT = 4;

	@Bean
	Step collectAccounts(JobRepository jobRepository, AccountPartitioner accountPartitioner,
			@Qualifier("collectAccount") Step collectAccount, @Qualifier("accountWorkers") TaskExecutor accountWorkers,
			EvidentProperties settings, Progress progress) {
		return new StepBuilder("collectAccounts", jobRepository).partitioner("collectAccount", accountPartitioner)
			.step(collectAccount)
			.taskExecutor(accountWorkers)
			.gridSize(settings.parallelism())
			.listener(new ProgressListener(progress))
			.build();
	}

	/**
	 * The threads that collect accounts: {@value #WORKERS_PER_REQUEST_SLOT} per request
	 * slot.
	 */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor accountWorkers(EvidentProperties settings) {
		int parallelism = settings.parallelism();
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(parallelism * WORKERS_PER_REQUEST_SLOT);
		executor.setMaxPoolSize(parallelism * WORKERS_PER_REQUEST_SLOT);
		executor.setQueueCapacity(Integer.MAX_VALUE);
		executor.setThreadNamePrefix("account-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return executor;
	}

	@Bean
	@StepScope
	AccountPartitioner accountPartitioner(OrganizationStore organizations,
			@Value("#{jobParameters['run.id']}") String runId) {
		return new AccountPartitioner(organizations, runId);
	}

	@Bean
	Step collectAccount(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwsClientConfigurer aws, AccountSessions sessions, Runs runs, OrganizationStore organizations,
			EvidenceFiles files, Gaps gaps, CredentialReportStore reports, IamAccountStore iamStore, Progress progress,
			EvidentProperties settings) {
		EvidentProperties.Iam iam = settings.iam();
		var backoff = new CredentialReportCollector.Backoff(iam.reportPollInitial(), iam.reportPollMax(),
				iam.reportPollAttempts());
		return new StepBuilder("collectAccount", jobRepository)
			.tasklet(
					new CollectAccountTasklet(aws, sessions, runs, organizations, files, gaps, reports, iamStore,
							backoff, progress, new TransactionTemplate(transactionManager)),
					new ResourcelessTransactionManager())
			.build();
	}

}
