package dev.evident.inspector;

import software.amazon.awssdk.services.inspector2.model.ListFindingsResponse;

/**
 * One page of ListFindings from one chain (account and region), as the SDK returned it.
 */
public record FindingsPage(String accountId, String region, String chain, int page, String parameters,
		ListFindingsResponse response) implements FindingsItem {
}
