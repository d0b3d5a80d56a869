package dev.evident.iam;

import java.time.Clock;
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
import dev.evident.run.Progress;
import dev.evident.organizations.AccountPartitioner;
import dev.evident.organizations.OrganizationStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Collects one account: assumes the member role (the management account uses the base
 * credentials), then the IAM credential report, the account settings and the
 * authorization details. A denied role or a failed source becomes an evidence gap for
 * that account and source; the partition still completes, so the other accounts and the
 * rest of the job go on.
 * <p>
 * It runs outside a database transaction, so that an account waiting for AWS holds no
 * connection: every source's rows are replaced in one short transaction once the source
 * is collected. A partition that fails leaves what it stored so far, which its re-run
 * replaces.
 */
public class CollectAccountTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(CollectAccountTasklet.class);

	static final String SOURCE_ACCOUNT = "account";

	static final String SOURCE_CREDENTIAL_REPORT = "iam:CredentialReport";

	static final String SOURCE_SETTINGS = "iam:AccountSettings";

	static final String SOURCE_AUTHORIZATION = "iam:AuthorizationDetails";

	private final AwsClientConfigurer aws;

	private final AccountSessions sessions;

	private final Runs runs;

	private final OrganizationStore organizations;

	private final EvidenceFiles files;

	private final Gaps gaps;

	private final CredentialReportStore reports;

	private final IamAccountStore iamStore;

	private final CredentialReportCollector.Backoff backoff;

	private final Progress progress;

	private final TransactionTemplate transactions;

	public CollectAccountTasklet(AwsClientConfigurer aws, AccountSessions sessions, Runs runs,
			OrganizationStore organizations, EvidenceFiles files, Gaps gaps, CredentialReportStore reports,
			IamAccountStore iamStore, CredentialReportCollector.Backoff backoff, Progress progress,
			TransactionTemplate transactions) {
		this.aws = aws;
		this.sessions = sessions;
		this.runs = runs;
		this.organizations = organizations;
		this.files = files;
		this.gaps = gaps;
		this.reports = reports;
		this.iamStore = iamStore;
		this.backoff = backoff;
		this.progress = progress;
		this.transactions = transactions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		var step = chunk.getStepContext().getStepExecution();
		String accountId = step.getExecutionContext().getString(AccountPartitioner.ACCOUNT_ID);
		Start start = transactions.execute(tx -> {
			RunContext context = RunContext.of(step, runs);
			for (String source : List.of(SOURCE_ACCOUNT, SOURCE_CREDENTIAL_REPORT, SOURCE_SETTINGS,
					SOURCE_AUTHORIZATION)) {
				gaps.clear(context.runId(), accountId, source);
			}
			return new Start(context, organizations.partition(context.runId()));
		});
		RunContext run = start.run();
		String runId = run.runId();
		Region region = aws.defaultRegion();
		RawSink raw = new RawSink(files, runId, run.layout().staging(), accountId, region.id()).deferred();
		AccountCredentials credentials = sessions.credentials(accountId, run.record().callerAccountId(),
				start.partition(), runId);
		try {
			credentials.provider().resolveCredentials();
		}
		catch (SdkException ex) {
			AwsErrors.gapOrThrow(ex, (code, message) -> gap(runId, accountId, SOURCE_ACCOUNT, code,
					"cannot assume role " + aws.properties().roleName() + ": " + message));
			return done(accountId);
		}
		try (IamClient iam = aws.build(IamClient.builder(), credentials.provider(), region)) {
			source(credentials, runId, accountId, SOURCE_CREDENTIAL_REPORT, () -> {
				List<CredentialReportRow> rows = new CredentialReportCollector(iam, raw, backoff, Clock.systemUTC())
					.collect(accountId);
				store(raw, () -> reports.replace(runId, accountId, rows));
				contribution.incrementWriteCount(rows.size());
			});
			source(credentials, runId, accountId, SOURCE_SETTINGS, () -> {
				AccountSettings settings = new AccountSettingsCollector(iam, raw).collect();
				store(raw, () -> iamStore.replaceSettings(runId, accountId, settings));
			});
			source(credentials, runId, accountId, SOURCE_AUTHORIZATION, () -> {
				AuthorizationDetails details = new AuthorizationDetailsCollector(iam, raw).collect(accountId);
				store(raw, () -> iamStore.replaceAuthorization(runId, accountId, details));
			});
		}
		if (raw.hasUnrecorded()) {
			// the raw responses of a source that ended in a gap are evidence too
			store(raw, () -> {
			});
		}
		return done(accountId);
	}

	/**
	 * Records a gap in a transaction of its own: outside one, the connection would stay
	 * with the partition until it ends.
	 */
	private void gap(String runId, String accountId, String source, String errorCode, String message) {
		transactions.executeWithoutResult(tx -> gaps.record(runId, accountId, source, errorCode, message));
	}

	/** What a partition reads before it calls AWS. */
	private record Start(RunContext run, String partition) {
	}

	/**
	 * Replaces a source's rows and records its raw files in one short transaction.
	 */
	private void store(RawSink raw, Runnable rows) {
		transactions.executeWithoutResult(tx -> {
			rows.run();
			raw.flush();
		});
	}

	/**
	 * Collects one source of the account. A definite refusal from AWS, or a credential
	 * report that never completes, is recorded as a gap for that source; anything
	 * transient fails the partition. A session that expired early is renewed and the
	 * source collected again, once (every source replaces what it stored).
	 */
	private void source(AccountCredentials credentials, String runId, String accountId, String source,
			SourceCollection collection) throws InterruptedException {
		try {
			AccountCredentials.renewingOnce(credentials, source + " of " + accountId, () -> {
				collection.run();
				return null;
			});
		}
		catch (SdkException ex) {
			AwsErrors.gapOrThrow(ex, (code, message) -> gap(runId, accountId, source, code, message));
		}
		catch (CredentialReportCollector.ReportNotReadyException ex) {
			gap(runId, accountId, source, "ReportNotReady", ex.getMessage());
		}
	}

	@FunctionalInterface
	private interface SourceCollection {

		void run() throws InterruptedException;

	}

	private RepeatStatus done(String accountId) {
		progress.accountDone();
		log.debug("Collected account {}", accountId);
		return RepeatStatus.FINISHED;
	}

}
