package dev.evident.inspector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.job.Progress;
import dev.evident.job.ProgressListener;
import dev.evident.organizations.OrganizationSnapshot;
import dev.evident.organizations.OrganizationStore;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code collectFindings} step: ListFindings from Inspector's delegated administrator
 * (or the management account), split into chains, one per region and account in scope (an
 * {@code awsAccountId} filter), fetched in parallel on the {@code --parallelism} pool,
 * {@value #PAGES_PER_CHUNK} pages per transaction. A restart resumes the chains that did
 * not complete, each after its last committed page.
 */
@Configuration(proxyBeanMethods = false)
public class FindingsStepConfiguration {

	static final int PAGES_PER_CHUNK = 10;

	static final String REGION = "region";

	static final String CHAIN = "chain";

	public static final String INSPECTOR_PRINCIPAL = "inspector2.amazonaws.com";

	@Bean
	Step collectFindings(JobRepository jobRepository, Partitioner findingsPartitioner,
			@Qualifier("collectFindingsChain") Step collectFindingsChain,
			@Qualifier("accountTaskExecutor") TaskExecutor accountTaskExecutor, Progress progress) {
		return new StepBuilder("collectFindings", jobRepository)
			.partitioner("collectFindingsChain", findingsPartitioner)
			.step(collectFindingsChain)
			.taskExecutor(accountTaskExecutor)
			.listener(new ProgressListener(progress))
			.build();
	}

	/** One chain per region and account in scope. */
	@Bean
	@StepScope
	Partitioner findingsPartitioner(@Value("#{stepExecution}") StepExecution step, Runs runs,
			OrganizationStore organizations, AwsClientConfigurer aws) {
		RunContext run = RunContext.of(step, runs);
		List<String> accounts = organizations.accounts(run.runId())
			.stream()
			.filter(OrganizationSnapshot.Account::inScope)
			.map(OrganizationSnapshot.Account::id)
			.toList();
		return gridSize -> {
			Map<String, ExecutionContext> chains = new LinkedHashMap<>();
			for (String region : regions(aws, run)) {
				for (String account : accounts) {
					ExecutionContext context = new ExecutionContext();
					context.putString(REGION, region);
					context.putString(CHAIN, account);
					chains.put("findings-" + region + "-" + account, context);
				}
			}
			return chains;
		};
	}

	@Bean
	Step collectFindingsChain(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FindingsPageReader findingsPageReader, FindingsPageWriter findingsPageWriter) {
		return new ChunkOrientedStepBuilder<FindingsPage, FindingsPage>("collectFindingsChain", jobRepository,
				PAGES_PER_CHUNK)
			.reader(findingsPageReader)
			.writer(findingsPageWriter)
			.transactionManager(transactionManager)
			.build();
	}

	@Bean
	@StepScope
	FindingsPageReader findingsPageReader(@Value("#{stepExecution}") StepExecution step, Runs runs,
			OrganizationStore organizations, AwsClientConfigurer aws, AccountSessions sessions, Gaps gaps,
			Progress progress) {
		RunContext run = RunContext.of(step, runs);
		String account = inspectorAdmin(organizations, run);
		ExecutionContext chain = step.getExecutionContext();
		InspectorSession session = new InspectorSession(aws, sessions.credentials(account,
				run.record().callerAccountId(), organizations.partition(run.runId()), run.runId()));
		return new FindingsPageReader(run.runId(), account, List.of(chain.getString(REGION)), session::client, session,
				gaps, progress, session.credentials(), chain.getString(CHAIN));
	}

	@Bean
	Step collectCoverage(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AwsClientConfigurer aws, AccountSessions sessions, Runs runs, OrganizationStore organizations,
			EvidenceFiles files, Gaps gaps, InspectorCoverageStore store, Progress progress) {
		return new StepBuilder("collectCoverage", jobRepository)
			.tasklet(new CollectCoverageTasklet(aws, sessions, runs, organizations, files, gaps, store),
					transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

	/**
	 * Inspector's delegated administrator, or the management account when there is none.
	 */
	static String inspectorAdmin(OrganizationStore organizations, RunContext run) {
		String admin = organizations.delegatedAdmin(run.runId(), INSPECTOR_PRINCIPAL);
		return admin != null ? admin : run.record().managementAccountId();
	}

	/** The regions of the run, or the default region. */
	static List<String> regions(AwsClientConfigurer aws, RunContext run) {
		return run.parameters().regions().isEmpty() ? List.of(aws.defaultRegion().id()) : run.parameters().regions();
	}

	@Bean
	@StepScope
	FindingsPageWriter findingsPageWriter(@Value("#{stepExecution}") StepExecution step, Runs runs, EvidenceFiles files,
			FindingStore store) {
		RunContext run = RunContext.of(step, runs);
		return new FindingsPageWriter(run.runId(), run.layout().staging(), files, store);
	}

}
