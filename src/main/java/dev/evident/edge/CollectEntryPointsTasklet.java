package dev.evident.edge;

import java.util.List;

import dev.evident.aws.AccountCredentials;
import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.aws.AwsErrors;
import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.network.AccountRegions;
import dev.evident.network.NetworkStore;
import dev.evident.organizations.AccountPartitioner;
import dev.evident.organizations.OrganizationStore;
import dev.evident.run.Progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.shield.ShieldClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

/**
 * Collects one account's entry points: in each region the network step found enabled, its
 * load balancers (ELBv2) and regional web ACLs (WAFv2); then, once, its CloudFront
 * distributions, CloudFront's web ACLs (WAFv2 in us-east-1) and its Shield Advanced
 * subscription. A region the account does not use is skipped; a refusal is a gap for that
 * account and source ({@code elasticloadbalancing:<region>}, {@code wafv2:<region>},
 * {@code wafv2:cloudfront}, {@code cloudfront}, {@code shield}) and the rest goes on.
 * Each source is stored, with its raw responses, in one short transaction.
 */
public class CollectEntryPointsTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(CollectEntryPointsTasklet.class);

	public static final String ELB = "elasticloadbalancing";

	public static final String WAF = "wafv2";

	public static final String CLOUDFRONT = "cloudfront";

	public static final String SHIELD = "shield";

	/**
	 * The region of the global services' calls (CloudFront, Shield, CloudFront's ACLs).
	 */
	static final Region GLOBAL = Region.US_EAST_1;

	private final AwsClientConfigurer aws;

	private final AccountSessions sessions;

	private final Runs runs;

	private final OrganizationStore organizations;

	private final EvidenceFiles files;

	private final Gaps gaps;

	private final NetworkStore network;

	private final EdgeStore store;

	private final Progress progress;

	private final TransactionTemplate transactions;

	public CollectEntryPointsTasklet(AwsClientConfigurer aws, AccountSessions sessions, Runs runs,
			OrganizationStore organizations, EvidenceFiles files, Gaps gaps, NetworkStore network, EdgeStore store,
			Progress progress, TransactionTemplate transactions) {
		this.aws = aws;
		this.sessions = sessions;
		this.runs = runs;
		this.organizations = organizations;
		this.files = files;
		this.gaps = gaps;
		this.network = network;
		this.store = store;
		this.progress = progress;
		this.transactions = transactions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		var step = chunk.getStepContext().getStepExecution();
		String accountId = step.getExecutionContext().getString(AccountPartitioner.ACCOUNT_ID);
		var start = transactions.execute(tx -> {
			RunContext context = RunContext.of(step, runs);
			for (String source : List.of(ELB, WAF)) {
				gaps.clearSources(context.runId(), accountId, source);
			}
			gaps.clear(context.runId(), accountId, CLOUDFRONT);
			gaps.clear(context.runId(), accountId, SHIELD);
			store.clearAccount(context.runId(), accountId);
			return new Start(context, organizations.partition(context.runId()),
					gaps.has(context.runId(), accountId, "account"),
					network.enabledRegions(context.runId(), accountId));
		});
		RunContext run = start.run();
		String runId = run.runId();
		if (start.roleRefused()) {
			log.info("Account {}: its role was refused earlier in this run (see the gap); not asked again", accountId);
			return done();
		}
		AccountCredentials credentials = sessions.credentials(accountId, run.record().callerAccountId(),
				start.partition(), runId);
		RawSink raw = new RawSink(files, runId, run.layout().staging(), accountId, GLOBAL.id()).deferred();
		for (String region : start.regions()) {
			RawSink regional = raw.inRegion(region);
			source(credentials, regional, runId, accountId, ELB + ":" + region, () -> {
				try (var elb = aws.build(ElasticLoadBalancingV2Client.builder(), credentials.provider(),
						Region.of(region))) {
					var balancers = new LoadBalancerCollector(elb, regional).collect(region);
					return () -> store.loadBalancers(runId, accountId, region, balancers);
				}
			});
			source(credentials, regional, runId, accountId, WAF + ":" + region, () -> {
				try (var waf = aws.build(Wafv2Client.builder(), credentials.provider(), Region.of(region))) {
					var acls = new WebAclCollector(waf, regional).collect(region, Scope.REGIONAL);
					return () -> store.webAcls(runId, accountId, region, acls);
				}
			});
		}
		source(credentials, raw, runId, accountId, CLOUDFRONT, () -> {
			try (var cloudFront = aws.build(CloudFrontClient.builder(), credentials.provider(), GLOBAL)) {
				var distributions = new DistributionCollector(cloudFront, raw).collect();
				return () -> store.distributions(runId, accountId, distributions);
			}
		});
		source(credentials, raw, runId, accountId, WAF + ":" + CLOUDFRONT, () -> {
			try (var waf = aws.build(Wafv2Client.builder(), credentials.provider(), GLOBAL)) {
				var acls = new WebAclCollector(waf, raw).collect(GLOBAL.id(), Scope.CLOUDFRONT);
				return () -> store.webAcls(runId, accountId, GLOBAL.id(), acls);
			}
		});
		source(credentials, raw, runId, accountId, SHIELD, () -> {
			try (var shield = aws.build(ShieldClient.builder(), credentials.provider(), GLOBAL)) {
				var subscription = new ShieldCollector(shield, raw).collect();
				return () -> store.shield(runId, accountId, subscription);
			}
		});
		return done();
	}

	/**
	 * Collects one source and stores it with its raw files; a region the account does not
	 * use is skipped, a definite refusal is a gap for the source, anything else fails the
	 * partition. An expired session is renewed once.
	 */
	private void source(AccountCredentials credentials, RawSink raw, String runId, String accountId, String source,
			Collection collection) throws Exception {
		try {
			Runnable rows = AccountCredentials.renewingOnce(credentials, source + " of " + accountId,
					collection::collect);
			transactions.executeWithoutResult(tx -> {
				rows.run();
				raw.flush();
			});
		}
		catch (SdkException ex) {
			if (AccountRegions.notEnabled(ex)) {
				log.info("Account {} does not use {}: {}", accountId, source, AwsErrors.code(ex));
				return;
			}
			AwsErrors.gapOrThrow(ex, (code, message) -> transactions.executeWithoutResult(tx -> {
				gaps.record(runId, accountId, source, code, message);
				raw.flush();
			}));
		}
	}

	/** Reads a source; returns how to store what it read. */
	@FunctionalInterface
	private interface Collection {

		Runnable collect() throws Exception;

	}

	private RepeatStatus done() {
		progress.accountDone();
		return RepeatStatus.FINISHED;
	}

	private record Start(RunContext run, String partition, boolean roleRefused, List<String> regions) {
	}

}
