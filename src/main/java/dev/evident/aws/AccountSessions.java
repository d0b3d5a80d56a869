package dev.evident.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session per account and run, shared by every step: an account is assumed into once
 * per run (and again only when its session nears expiry), however many steps read from
 * it.
 */
public class AccountSessions implements AutoCloseable {

	private final AwsClientConfigurer aws;

	private final Map<String, AccountCredentials> sessions = new ConcurrentHashMap<>();

	public AccountSessions(AwsClientConfigurer aws) {
		this.aws = aws;
	}

	public AccountCredentials credentials(String accountId, String callerAccountId, String partition, String runId) {
		return sessions.computeIfAbsent(runId + "/" + accountId,
				k -> AccountCredentials.forAccount(aws, accountId, callerAccountId, partition, runId));
	}

	@Override
	public void close() {
		sessions.values().forEach(AccountCredentials::close);
		sessions.clear();
	}

}
