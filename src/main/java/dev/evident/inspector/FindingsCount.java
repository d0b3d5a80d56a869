package dev.evident.inspector;

import java.util.Set;

import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.AccountAggregationResponse;
import software.amazon.awssdk.services.inspector2.model.AggregationResponse;
import software.amazon.awssdk.services.inspector2.model.AggregationType;

/**
 * A cheap count of a region's findings, to choose between ListFindings and a findings
 * report: ListFindingAggregations by account (one call per 100 accounts) sums the active
 * findings of the accounts in scope. Suppressed and closed findings are not counted, so
 * the count is a lower bound of what the collection reads.
 */
final class FindingsCount {

	private FindingsCount() {
	}

	static long active(Inspector2Client client, Set<String> accounts) {
		long total = 0;
		for (var page : client.listFindingAggregationsPaginator(r -> r.aggregationType(AggregationType.ACCOUNT))) {
			for (AggregationResponse response : page.responses()) {
				AccountAggregationResponse account = response.accountAggregation();
				if (account != null && accounts.contains(account.accountId()) && account.severityCounts() != null
						&& account.severityCounts().all() != null) {
					total += account.severityCounts().all();
				}
			}
		}
		return total;
	}

}
