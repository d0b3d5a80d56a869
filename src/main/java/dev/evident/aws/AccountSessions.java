package dev.evident.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.sts.StsClient;

/**
 * One session per account and run, shared by every step: an account is assumed into once
 * per run (and again only when its session nears expiry), however many steps read from
 * it. Every AssumeRole goes through one STS client, built on first use.
 */
public class AccountSessions implements AutoCloseable {

	private final AwsClientConfigurer aws;

	private final Map<String, AccountCredentials> sessions = new ConcurrentHashMap<>();

	private StsClient sts;

	public AccountSessions(AwsClientConfigurer aws) {
		this.aws = aws;
	}

	public AccountCredentials credentials(String accountId, String callerAccountId, String partition, String runId) {
		return sessions.computeIfAbsent(runId + "/" + accountId,
				k -> AccountCredentials.forAccount(aws, sts(), accountId, callerAccountId, partition, runId));
	}

	private synchronized StsClient sts() {
		if (sts == null) {
			sts = aws.build(StsClient.builder(), aws.baseCredentials(), aws.defaultRegion());
		}
		return sts;
	}

	@Override
	public synchronized void close() {
		sessions.values().forEach(AccountCredentials::close);
		sessions.clear();
		if (sts != null) {
			sts.close();
			sts = null;
		}
	}

}
