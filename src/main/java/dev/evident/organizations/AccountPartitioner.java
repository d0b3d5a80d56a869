package dev.evident.organizations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per collectable account (in scope and ACTIVE), named after the account.
 */
public class AccountPartitioner implements Partitioner {

	public static final String ACCOUNT_ID = "accountId";

	private final OrganizationStore organizations;

	private final String runId;

	public AccountPartitioner(OrganizationStore organizations, String runId) {
		this.organizations = organizations;
		this.runId = runId;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		organizations.accounts(runId).stream().filter(a -> a.collectable()).forEach(a -> {
			ExecutionContext context = new ExecutionContext();
			context.putString(ACCOUNT_ID, a.id());
			partitions.put("account-" + a.id(), context);
		});
		return partitions;
	}

}
