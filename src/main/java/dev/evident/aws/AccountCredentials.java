package dev.evident.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials for one account of the organization: the base credentials for the account
 * Evident runs as (the management account or a delegated administrator), an assumed role
 * for every other. The assumed-role provider caches its session and re-assumes the role
 * only when the session nears expiry, so a long crawl survives an expired token with one
 * extra AssumeRole.
 */
public final class AccountCredentials implements AutoCloseable {

	private final AwsCredentialsProvider provider;

	private final StsClient sts;

	private AccountCredentials(AwsCredentialsProvider provider, StsClient sts) {
		this.provider = provider;
		this.sts = sts;
	}

	public static AccountCredentials forAccount(AwsClientConfigurer aws, String accountId, String callerAccountId,
			String partition, String runId) {
		if (accountId.equals(callerAccountId)) {
			return new AccountCredentials(aws.baseCredentials(), null);
		}
		StsClient sts = aws.build(StsClient.builder(), aws.baseCredentials(), aws.defaultRegion());
		String roleArn = "arn:" + partition + ":iam::" + accountId + ":role/" + aws.properties().roleName();
		StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
			.stsClient(sts)
			.asyncCredentialUpdateEnabled(false)
			.refreshRequest(r -> {
				r.roleArn(roleArn).roleSessionName(sessionName(runId)).durationSeconds(3600);
				if (aws.properties().externalId() != null && !aws.properties().externalId().isBlank()) {
					r.externalId(aws.properties().externalId());
				}
			})
			.build();
		return new AccountCredentials(provider, sts);
	}

	/**
	 * The session name shows up in CloudTrail of the member account and identifies the
	 * run.
	 */
	static String sessionName(String runId) {
		String name = ("evident-" + runId).replaceAll("[^\\w+=,.@-]", "-");
		return name.length() > 64 ? name.substring(0, 64) : name;
	}

	public AwsCredentialsProvider provider() {
		return provider;
	}

	@Override
	public void close() {
		if (provider instanceof StsAssumeRoleCredentialsProvider p) {
			p.close();
		}
		if (sts != null) {
			sts.close();
		}
	}

}
