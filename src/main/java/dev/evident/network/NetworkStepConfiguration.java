package dev.evident.network;

import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.Runs;
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
 * The {@code collectNetwork} step: one partition per collectable account, on the same
 * workers as {@code collectAccounts} (at most {@code --parallelism} requests in flight),
 * each reading the account's regions and, in each, its VPCs, flow logs, security groups
 * and network ACLs. A restart re-runs only the accounts that did not complete.
 */
@Configuration(proxyBeanMethods = false)
public class NetworkStepConfiguration {

	@Bean
	Step collectNetwork(JobRepository jobRepository,
			@Qualifier("networkPartitioner") AccountPartitioner networkPartitioner,
			@Qualifier("collectNetworkAccount") Step collectNetworkAccount,
			@Qualifier("accountWorkers") TaskExecutor accountWorkers, EvidentProperties settings, Progress progress) {
		return new StepBuilder("collectNetwork", jobRepository).partitioner("collectNetworkAccount", networkPartitioner)
			.step(collectNetworkAccount)
			.taskExecutor(accountWorkers)
			.gridSize(settings.parallelism())
			.listener(new ProgressListener(progress, "EC2: VPCs, flow logs, security groups, network ACLs"))
			.build();
	}

	@Bean
	@StepScope
	AccountPartitioner networkPartitioner(OrganizationStore organizations,
			@Value("#{jobParameters['run.id']}") String runId) {
		return new AccountPartitioner(organizations, runId);
	}

	@Bean
	Step collectNetworkAccount(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwsClientConfigurer aws, AccountSessions sessions, Runs runs, OrganizationStore organizations,
			EvidenceFiles files, Gaps gaps, NetworkStore store, Progress progress) {
		return new StepBuilder("collectNetworkAccount", jobRepository)
			.tasklet(new CollectNetworkTasklet(aws, sessions, runs, organizations, files, gaps, store, progress,
					new TransactionTemplate(transactionManager)), new ResourcelessTransactionManager())
			.build();
	}

}
