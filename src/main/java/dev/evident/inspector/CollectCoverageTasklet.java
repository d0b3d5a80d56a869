package dev.evident.inspector;

import java.util.ArrayList;
import java.util.List;

import dev.evident.aws.AccountSessions;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.aws.AwsErrors;
import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.organizations.OrganizationSnapshot.Account;
import dev.evident.organizations.OrganizationStore;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.BatchGetAccountStatusResponse;
import software.amazon.awssdk.services.inspector2.model.ListCoverageResponse;

/**
 * Per region, from Inspector's administrator: which resources are scanned (ListCoverage,
 * written page by page) and where Inspector is enabled (BatchGetAccountStatus for every
 * active account in scope, 100 at a time). A region that refuses becomes a gap.
 */
public class CollectCoverageTasklet implements Tasklet {

	static final int STATUS_BATCH = 100;

	private final AwsClientConfigurer aws;

	private final AccountSessions sessions;

	private final Runs runs;

	private final OrganizationStore organizations;

	private final EvidenceFiles files;

	private final Gaps gaps;

	private final InspectorCoverageStore store;

	public CollectCoverageTasklet(AwsClientConfigurer aws, AccountSessions sessions, Runs runs,
			OrganizationStore organizations, EvidenceFiles files, Gaps gaps, InspectorCoverageStore store) {
		this.aws = aws;
		this.sessions = sessions;
		this.runs = runs;
		this.organizations = organizations;
		this.files = files;
		this.gaps = gaps;
		this.store = store;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
		String admin = FindingsStepConfiguration.inspectorAdmin(organizations, run);
		List<String> accounts = organizations.accounts(run.runId())
			.stream()
			.filter(Account::collectable)
			.map(Account::id)
			.toList();
		try (InspectorSession session = new InspectorSession(aws, sessions.credentials(admin,
				run.record().callerAccountId(), organizations.partition(run.runId()), run.runId()))) {
			for (String region : FindingsStepConfiguration.regions(aws, run)) {
				String source = "inspector2:coverage:" + region;
				gaps.clear(run.runId(), admin, source);
				RawSink raw = new RawSink(files, run.runId(), run.layout().staging(), admin, region);
				try {
					collect(session.client(region), raw, run.runId(), region, accounts, contribution);
				}
				catch (SdkException ex) {
					AwsErrors.gapOrThrow(ex, (code, message) -> gaps.record(run.runId(), admin, source, code, message));
				}
			}
		}
		return RepeatStatus.FINISHED;
	}

	private void collect(Inspector2Client client, RawSink raw, String runId, String region, List<String> accounts,
			StepContribution contribution) {
		int page = 0;
		for (ListCoverageResponse r : client.listCoveragePaginator(b -> b.maxResults(200))) {
			raw.json("inspector2", region + "/ListCoverage-" + String.format("%05d", ++page), "ListCoverage",
					"maxResults=200", r);
			store.coverage(runId, region, r.coveredResources());
			contribution.incrementWriteCount(r.coveredResources().size());
		}
		List<List<String>> batches = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i += STATUS_BATCH) {
			batches.add(accounts.subList(i, Math.min(accounts.size(), i + STATUS_BATCH)));
		}
		int batch = 0;
		for (List<String> ids : batches) {
			BatchGetAccountStatusResponse r = client.batchGetAccountStatus(b -> b.accountIds(ids));
			raw.json("inspector2", region + "/BatchGetAccountStatus-" + (++batch), "BatchGetAccountStatus",
					"accountIds=" + String.join(",", ids), r);
			store.accounts(runId, region, r.accounts(), r.failedAccounts());
		}
	}

}
