package dev.evident.network;

import java.util.List;
import java.util.Map;

import dev.evident.aws.AccountCredentials;
import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.aws.AwsErrors;
import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.network.AccountRegions.Region;
import dev.evident.network.AccountRegions.Status;
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
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Collects one account's network configuration: its regions (DescribeRegions), then in
 * each region to collect its VPCs, flow logs, security groups and network ACLs. A region
 * the account does not use is recorded as such; a refusal is an evidence gap for that
 * account, region and source ({@code ec2:network:<region>}), and the other regions go on.
 * Like the IAM partition, it holds no transaction while it talks to AWS: each region is
 * stored, with its raw responses, in one short transaction.
 */
public class CollectNetworkTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(CollectNetworkTasklet.class);

	/** The gap source of the account's network, and the prefix of its regions'. */
	public static final String SOURCE = "ec2:network";

	/**
	 * The gap source of an account whose role cannot be assumed: the same gap as the IAM
	 * partition's, recorded again (not twice) when this step meets the refusal too.
	 */
	public static final String SOURCE_ACCOUNT = "account";

	/** The gap source of the account's region list. */
	public static final String SOURCE_REGIONS = "ec2:DescribeRegions";

	private final AwsClientConfigurer aws;

	private final AccountSessions sessions;

	private final Runs runs;

	private final OrganizationStore organizations;

	private final EvidenceFiles files;

	private final Gaps gaps;

	private final NetworkStore store;

	private final Progress progress;

	private final TransactionTemplate transactions;

	public CollectNetworkTasklet(AwsClientConfigurer aws, AccountSessions sessions, Runs runs,
			OrganizationStore organizations, EvidenceFiles files, Gaps gaps, NetworkStore store, Progress progress,
			TransactionTemplate transactions) {
		this.aws = aws;
		this.sessions = sessions;
		this.runs = runs;
		this.organizations = organizations;
		this.files = files;
		this.gaps = gaps;
		this.store = store;
		this.progress = progress;
		this.transactions = transactions;
	}

	/** The gap source of one region of an account. */
	public static String source(String region) {
		return SOURCE + ":" + region;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		var step = chunk.getStepContext().getStepExecution();
		String accountId = step.getExecutionContext().getString(AccountPartitioner.ACCOUNT_ID);
		var start = transactions.execute(tx -> {
			RunContext context = RunContext.of(step, runs);
			gaps.clearSources(context.runId(), accountId, SOURCE);
			gaps.clear(context.runId(), accountId, SOURCE_REGIONS);
			store.clearAccount(context.runId(), accountId);
			return new Start(context, organizations.partition(context.runId()),
					gaps.has(context.runId(), accountId, SOURCE_ACCOUNT));
		});
		RunContext run = start.run();
		String runId = run.runId();
		String home = aws.defaultRegion().id();
		RawSink raw = new RawSink(files, runId, run.layout().staging(), accountId, home).deferred();
		if (start.roleRefused()) {
			log.info("Account {}: its role was refused earlier in this run (see the gap); not asked again", accountId);
			return done();
		}
		AccountCredentials credentials = sessions.credentials(accountId, run.record().callerAccountId(),
				start.partition(), runId);
		try {
			credentials.provider().resolveCredentials();
		}
		catch (SdkException ex) {
			AwsErrors.gapOrThrow(ex, (code, message) -> gap(runId, accountId, SOURCE_ACCOUNT, code,
					"cannot assume role " + aws.properties().roleName() + ": " + message));
			return done();
		}
		List<Region> regions = regions(credentials, raw, runId, accountId, home, run.parameters().regions());
		for (Region region : regions) {
			if (!region.enabled()) {
				transactions.executeWithoutResult(tx -> store.region(runId, accountId, region.name(),
						region.optInStatus(), Status.NOT_ENABLED, notEnabled(region)));
				continue;
			}
			collect(credentials, raw.inRegion(region.name()), runId, accountId, region, contribution);
		}
		return done();
	}

	private static String notEnabled(Region region) {
		return region.optInStatus() == null ? "not a region of this account"
				: "not enabled for the account (" + region.optInStatus() + ")";
	}

	/**
	 * The account's regions to collect; when DescribeRegions is refused (a gap), the
	 * regions asked for, or the default region.
	 */
	private List<Region> regions(AccountCredentials credentials, RawSink raw, String runId, String accountId,
			String home, List<String> requested) throws Exception {
		try (Ec2Client ec2 = aws.build(Ec2Client.builder(), credentials.provider(),
				software.amazon.awssdk.regions.Region.of(home))) {
			Map<String, Region> known = AccountCredentials.renewingOnce(credentials, "DescribeRegions of " + accountId,
					() -> AccountRegions.describe(ec2, raw));
			transactions.executeWithoutResult(tx -> raw.flush());
			return AccountRegions.select(known, requested);
		}
		catch (SdkException ex) {
			AwsErrors.gapOrThrow(ex,
					(code, message) -> gap(runId, accountId, SOURCE_REGIONS, code,
							"the account's regions are unknown (" + message + "); collected "
									+ (requested.isEmpty() ? "the default region " + home : "the regions asked for")));
			return (requested.isEmpty() ? List.of(home) : requested).stream()
				.map(name -> new Region(name, "unknown"))
				.toList();
		}
	}

	private void collect(AccountCredentials credentials, RawSink raw, String runId, String accountId, Region region,
			StepContribution contribution) throws Exception {
		String name = region.name();
		try (Ec2Client ec2 = aws.build(Ec2Client.builder(), credentials.provider(),
				software.amazon.awssdk.regions.Region.of(name))) {
			RegionNetwork network = AccountCredentials.renewingOnce(credentials, "network of " + accountId + " " + name,
					() -> new VpcCollector(ec2, raw).collect(name));
			transactions.executeWithoutResult(tx -> {
				store.replace(runId, accountId, network);
				store.region(runId, accountId, name, region.optInStatus(), Status.COLLECTED, null);
				raw.flush();
			});
			contribution.incrementWriteCount(network.vpcs().size() + network.groups().size() + network.acls().size());
		}
		catch (SdkException ex) {
			if (AccountRegions.notEnabled(ex)) {
				log.info("Account {} does not use {}: {}", accountId, name, AwsErrors.code(ex));
				transactions.executeWithoutResult(tx -> {
					store.region(runId, accountId, name, region.optInStatus(), Status.NOT_ENABLED,
							"EC2 answered " + AwsErrors.code(ex) + ": " + AwsErrors.message(ex));
					raw.flush();
				});
				return;
			}
			AwsErrors.gapOrThrow(ex, (code, message) -> {
				gap(runId, accountId, source(name), code, message);
				transactions.executeWithoutResult(tx -> {
					store.region(runId, accountId, name, region.optInStatus(), Status.GAP, code + ": " + message);
					raw.flush();
				});
			});
		}
	}

	private void gap(String runId, String accountId, String source, String errorCode, String message) {
		transactions.executeWithoutResult(tx -> gaps.record(runId, accountId, source, errorCode, message));
	}

	private RepeatStatus done() {
		progress.accountDone();
		return RepeatStatus.FINISHED;
	}

	/**
	 * What a partition reads before it calls AWS; whether the account's role was refused.
	 */
	private record Start(RunContext run, String partition, boolean roleRefused) {
	}

}
