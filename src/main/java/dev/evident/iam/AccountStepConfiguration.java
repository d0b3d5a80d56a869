package dev.evident.iam;

import java.time.Duration;

import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.Runs;
import dev.evident.job.Progress;
import dev.evident.job.ProgressListener;
import dev.evident.organizations.OrganizationStore;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code collectAccounts} step: one partition per account on a bounded pool of
 * {@code --parallelism} threads. A restart re-runs only the partitions that did not
 * complete.
 */
@Configuration(proxyBeanMethods = false)
public class AccountStepConfiguration {

	@Bean
	Step collectAccounts(JobRepository jobRepository, AccountPartitioner accountPartitioner,
			@Qualifier("collectAccount") Step collectAccount,
			@Qualifier("accountTaskExecutor") TaskExecutor accountTaskExecutor,
			@Value("${evident.parallelism:4}") int parallelism, Progress progress) {
		return new StepBuilder("collectAccounts", jobRepository).partitioner("collectAccount", accountPartitioner)
			.step(collectAccount)
			.taskExecutor(accountTaskExecutor)
			.gridSize(parallelism)
			.listener(new ProgressListener(progress))
			.build();
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
			@Value("${evident.iam.report-poll-initial:PT0.2S}") Duration pollInitial,
			@Value("${evident.iam.report-poll-max:PT10S}") Duration pollMax,
			@Value("${evident.iam.report-poll-attempts:12}") int pollAttempts) {
		var backoff = new CredentialReportCollector.Backoff(pollInitial, pollMax, pollAttempts);
		return new StepBuilder("collectAccount", jobRepository)
			.tasklet(new CollectAccountTasklet(aws, sessions, runs, organizations, files, gaps, reports, iamStore,
					backoff, progress), transactionManager)
			.build();
	}

}
