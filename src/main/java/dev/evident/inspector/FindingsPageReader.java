package dev.evident.inspector;

import java.util.List;
import java.util.function.Function;

import dev.evident.aws.AccountCredentials;
import dev.evident.aws.AwsErrors;
import dev.evident.evidence.Gaps;
import dev.evident.run.Progress;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.ListFindingsRequest;
import software.amazon.awssdk.services.inspector2.model.ListFindingsResponse;
import software.amazon.awssdk.services.inspector2.model.StringComparison;
import software.amazon.awssdk.services.inspector2.model.StringFilter;

/**
 * Reads one chain of ListFindings (one account's findings, or all when {@code chain} is
 * null) page by page, region after region, never holding more than one page. Its position
 * (region, page number, next token) is saved with every chunk, so a restarted chain
 * continues after its last committed page. A region that refuses becomes an evidence gap
 * and the reader moves on.
 */
public class FindingsPageReader implements ItemStreamReader<FindingsItem> {

	public static final int PAGE_SIZE = 100;

	private static final String REGION = "findings.region";

	private static final String PAGE = "findings.page";

	private static final String TOKEN = "findings.token";

	private final String runId;

	private final String accountId;

	private final List<String> regions;

	private final Function<String, Inspector2Client> clients;

	private final AutoCloseable session;

	private final Gaps gaps;

	private final Progress progress;

	private final AccountCredentials credentials;

	private final String chain;

	private int regionIndex;

	private int page;

	private String token;

	private boolean regionStarted;

	/**
	 * With the administrator's credentials (optional), a page refused with an expired
	 * session token is read again once, in a new session.
	 */
	public FindingsPageReader(String runId, String accountId, List<String> regions,
			Function<String, Inspector2Client> clients, AutoCloseable session, Gaps gaps, Progress progress,
			AccountCredentials credentials, String chain) {
		this.credentials = credentials;
		this.chain = chain;
		this.runId = runId;
		this.accountId = accountId;
		this.regions = List.copyOf(regions);
		this.clients = clients;
		this.session = session;
		this.gaps = gaps;
		this.progress = progress;
	}

	@Override
	public void open(ExecutionContext context) {
		regionIndex = context.getInt(REGION, 0);
		page = context.getInt(PAGE, 0);
		token = context.containsKey(TOKEN) ? context.getString(TOKEN) : null;
		regionStarted = page > 0;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putInt(REGION, regionIndex);
		context.putInt(PAGE, page);
		if (token != null) {
			context.putString(TOKEN, token);
		}
		else {
			context.remove(TOKEN);
		}
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot close the Inspector clients", ex);
		}
	}

	@Override
	public FindingsPage read() {
		while (regionIndex < regions.size()) {
			if (regionStarted && token == null) {
				nextRegion();
				continue;
			}
			String region = regions.get(regionIndex);
			String source = source(region) + (chain == null ? "" : ":" + chain);
			if (page == 0) {
				gaps.clear(runId, accountId, source);
			}
			try {
				String current = token;
				ListFindingsResponse response = listFindings(region, current);
				page++;
				regionStarted = true;
				token = response.nextToken();
				progress.findingsFetched(response.findings().size());
				return new FindingsPage(accountId, region, chain, page,
						"maxResults=" + PAGE_SIZE + (current == null ? "" : ";page=" + page), response);
			}
			catch (SdkException ex) {
				AwsErrors.gapOrThrow(ex, (code, message) -> gaps.record(runId, accountId, source, code,
						"findings in " + region + " after page " + page + ": " + message));
				nextRegion();
			}
		}
		return null;
	}

	private ListFindingsResponse listFindings(String region, String current) {
		return AccountCredentials.renewingOnce(credentials, "the findings crawl of " + accountId + " in " + region,
				() -> clients.apply(region).listFindings(request(current)));
	}

	/**
	 * A page of every finding, or of one account's when the reader is one chain of
	 * several.
	 */
	private ListFindingsRequest request(String current) {
		ListFindingsRequest.Builder b = ListFindingsRequest.builder().maxResults(PAGE_SIZE).nextToken(current);
		if (chain != null) {
			b.filterCriteria(f -> f
				.awsAccountId(StringFilter.builder().comparison(StringComparison.EQUALS).value(chain).build()));
		}
		return b.build();
	}

	static String source(String region) {
		return "inspector2:" + region;
	}

	private void nextRegion() {
		regionIndex++;
		page = 0;
		token = null;
		regionStarted = false;
	}

}
