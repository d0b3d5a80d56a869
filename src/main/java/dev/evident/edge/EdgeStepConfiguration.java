package dev.evident.edge;

import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.Runs;
import dev.evident.network.NetworkStore;
import dev.evident.organizations.AccountPartitioner;
import dev.evident.organizations.OrganizationStore;
import dev.evident.run.EvidentProperties;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code collectEntryPoints} step: one partition per collectable account, on the
 * account workers (at most {@code --parallelism} requests in flight), after
 * {@code collectNetwork}, whose regions it reuses. A restart re-runs only the accounts
 * that did not complete.
 */
@Configuration(proxyBeanMethods = false)
public class EdgeStepConfiguration {

	@Bean
	Step collectEntryPoints(JobRepository jobRepository,
			@Qualifier("entryPointPartitioner") AccountPartitioner entryPointPartitioner,
			@Qualifier("collectEntryPointsAccount") Step collectEntryPointsAccount,
			@Qualifier("accountWorkers") TaskExecutor accountWorkers, EvidentProperties settings, Progress progress) {
		return new StepBuilder("collectEntryPoints", jobRepository)
			.partitioner("collectEntryPointsAccount", entryPointPartitioner)
			.step(collectEntryPointsAccount)
			.taskExecutor(accountWorkers)
			.gridSize(settings.parallelism())
			.listener(new ProgressListener(progress, "ELBv2, WAF, CloudFront, Shield"))
			.build();
	}

	@Bean
	@StepScope
	AccountPartitioner entryPointPartitioner(OrganizationStore organizations,
			@Value("#{jobParameters['run.id']}") String runId) {
		return new AccountPartitioner(organizations, runId);
	}

	@Bean
	Step collectEntryPointsAccount(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwsClientConfigurer aws, AccountSessions sessions, Runs runs, OrganizationStore organizations,
			EvidenceFiles files, Gaps gaps, NetworkStore network, EdgeStore store, Progress progress) {
		return new StepBuilder("collectEntryPointsAccount", jobRepository)
			.tasklet(
					new CollectEntryPointsTasklet(aws, sessions, runs, organizations, files, gaps, network, store,
							progress, new TransactionTemplate(transactionManager)),
					new ResourcelessTransactionManager())
			.build();
	}

}
