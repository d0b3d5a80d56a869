package dev.evident.inspector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.evident.run.EvidentProperties;
import dev.evident.aws.AwsErrors;
import dev.evident.run.FindingsExport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code collectFindings} step: ListFindings from Inspector's delegated administrator
 * (or the management account), split into chains, one per region and account in scope (an
 * {@code awsAccountId} filter), fetched in parallel on the {@code --parallelism} pool,
 * {@value #PAGES_PER_CHUNK} pages per transaction. A restart resumes the chains that did
 * not complete, each after its last committed page.
 *
 * <p>
 * With {@code --findings-export}, a region is read instead from one findings report
 * ({@link FindingsExportReader}, one chain per region), in every region or, with
 * {@code --findings-export-above N}, where the organization has at least N active
 * findings ({@link FindingsCount}).
 */
@Configuration(proxyBeanMethods = false)
public class FindingsStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FindingsStepConfiguration.class);

	static final int PAGES_PER_CHUNK = 10;

	static final String REGION = "region";

	static final String CHAIN = "chain";

	/** The chain's source: {@value #LIST} or {@value #EXPORT}. */
	static final String MODE = "mode";

	static final String LIST = "list";

	static final String EXPORT = "export";

	public static final String INSPECTOR_PRINCIPAL = "inspector2.amazonaws.com";

	@Bean
	Step collectFindings(JobRepository jobRepository, Partitioner findingsPartitioner,
			@Qualifier("collectFindingsChain") Step collectFindingsChain,
			@Qualifier("findingsChainWorkers") TaskExecutor findingsChainWorkers, Progress progress,
			FindingShortlist shortlist, FindingStore store) {
		return new StepBuilder("collectFindings", jobRepository)
			.partitioner("collectFindingsChain", findingsPartitioner)
			.step(collectFindingsChain)
			.taskExecutor(findingsChainWorkers)
			.listener(new ProgressListener(progress))
			.listener(new ShortlistListener(shortlist, store))
			.build();
	}

	/**
	 * The bounded pool that runs the findings chains: {@code --parallelism} threads
	 * (accounts have their own, {@code AccountStepConfiguration.accountWorkers}).
	 */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor findingsChainWorkers(EvidentProperties settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(settings.parallelism());
		executor.setMaxPoolSize(settings.parallelism());
		executor.setQueueCapacity(Integer.MAX_VALUE);
		executor.setThreadNamePrefix("findings-chain-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return executor;
	}

	/**
	 * One ListFindings chain per region and account in scope, or one findings report
	 * chain per region that uses the export.
	 */
	@Bean
	@StepScope
	Partitioner findingsPartitioner(@Value("#{stepExecution}") StepExecution step, Runs runs,
			OrganizationStore organizations, AwsClientConfigurer aws, AccountSessions sessions) {
		RunContext run = RunContext.of(step, runs);
		List<String> accounts = inScope(organizations, run);
		FindingsExport export = run.parameters().findingsExport();
		return gridSize -> {
			Map<String, ExecutionContext> chains = new LinkedHashMap<>();
			try (InspectorSession session = export == null || export.forced() ? null
					: session(organizations, aws, sessions, run)) {
				for (String region : regions(aws, run)) {
					if (export != null && useExport(export, session, region, accounts)) {
						ExecutionContext context = new ExecutionContext();
						context.putString(REGION, region);
						context.putString(MODE, EXPORT);
						chains.put("findings-" + region + "-export", context);
						continue;
					}
					for (String account : accounts) {
						ExecutionContext context = new ExecutionContext();
						context.putString(REGION, region);
						context.putString(CHAIN, account);
						context.putString(MODE, LIST);
						chains.put("findings-" + region + "-" + account, context);
					}
				}
			}
			return chains;
		};
	}

	/** Whether a region is read from a findings report. */
	private static boolean useExport(FindingsExport export, InspectorSession session, String region,
			List<String> accounts) {
		if (export.forced()) {
			return true;
		}
		long active;
		try {
			active = FindingsCount.active(session.client(region), Set.copyOf(accounts));
		}
		catch (SdkException ex) {
			AwsErrors.gapOrThrow(ex, (code, message) -> log
				.warn("Cannot count the findings in {} ({}): reading them with ListFindings", region, code));
			return false;
		}
		boolean use = active >= export.threshold();
		log.info("Findings in {}: {} active (ListFindingAggregations), threshold {}: {}", region, active,
				export.threshold(), use ? "findings report" : "ListFindings");
		return use;
	}

	@Bean
	Step collectFindingsChain(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Qualifier("findingsReader") FindingsChainReader findingsReader, FindingsPageWriter findingsPageWriter) {
		return new ChunkOrientedStepBuilder<FindingsItem, FindingsItem>("collectFindingsChain", jobRepository,
				PAGES_PER_CHUNK)
			.reader(findingsReader)
			.writer(findingsPageWriter)
			.transactionManager(transactionManager)
			.build();
	}

	/**
	 * The chain's reader: ListFindings pages of one account, or one region's findings
	 * report.
	 */
	@Bean
	@StepScope
	FindingsChainReader findingsReader(@Value("#{stepExecution}") StepExecution step, Runs runs,
			OrganizationStore organizations, AwsClientConfigurer aws, AccountSessions sessions, Gaps gaps,
			Progress progress, EvidenceFiles files, EvidentProperties settings) {
		RunContext run = RunContext.of(step, runs);
		String account = inspectorAdmin(organizations, run);
		ExecutionContext chain = step.getExecutionContext();
		InspectorSession session = session(organizations, aws, sessions, run);
		String region = chain.getString(REGION);
		if (EXPORT.equals(chain.getString(MODE, LIST))) {
			FindingsExport export = run.parameters().findingsExport();
			boolean restricted = !run.parameters().accounts().isEmpty() || !run.parameters().ous().isEmpty();
			return new FindingsChainReader(
					new FindingsExportReader(
							new FindingsExportReader.Target(run.runId(), account, region, run.layout().staging(),
									Set.copyOf(inScope(organizations, run)), restricted),
							export, session, aws.s3(session.credentials().provider(), Region.of(region)), files, gaps,
							progress,
							new ReportPolling(settings.inspector().reportPollInitial(),
									settings.inspector().reportPollMax(), settings.inspector().reportTimeout()),
							d -> Thread.sleep(d.toMillis())));
		}
		return new FindingsChainReader(new FindingsPageReader(run.runId(), account, List.of(region), session::client,
				session, gaps, progress, session.credentials(), chain.getString(CHAIN)));
	}

	private static List<String> inScope(OrganizationStore organizations, RunContext run) {
		return organizations.accounts(run.runId())
			.stream()
			.filter(OrganizationSnapshot.Account::inScope)
			.map(OrganizationSnapshot.Account::id)
			.toList();
	}

	/** Inspector clients of the administrator account. */
	private static InspectorSession session(OrganizationStore organizations, AwsClientConfigurer aws,
			AccountSessions sessions, RunContext run) {
		return new InspectorSession(aws, sessions.credentials(inspectorAdmin(organizations, run),
				run.record().callerAccountId(), organizations.partition(run.runId()), run.runId()));
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
