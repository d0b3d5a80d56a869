package dev.evident.aws;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials for one account of the organization: the base credentials for the account
 * Evident runs as (the management account or a delegated administrator), an assumed role
 * for every other. The assumed-role provider caches its session and re-assumes the role
 * when the session nears expiry; a session that AWS reports as expired earlier than
 * announced ({@code ExpiredToken}) is dropped with {@link #renew}, so that a long crawl
 * goes on with one extra AssumeRole.
 */
public final class AccountCredentials implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AccountCredentials.class);

	private final AwsCredentialsProvider provider;

	private final Supplier<StsAssumeRoleCredentialsProvider> assumeRole;

	private final AtomicReference<StsAssumeRoleCredentialsProvider> current = new AtomicReference<>();

	private final AtomicLong generation = new AtomicLong();

	private AccountCredentials(AwsCredentialsProvider provider) {
		this.provider = provider;
		this.assumeRole = null;
	}

	private AccountCredentials(Supplier<StsAssumeRoleCredentialsProvider> assumeRole) {
		this.assumeRole = assumeRole;
		this.current.set(assumeRole.get());
		this.provider = () -> current.get().resolveCredentials();
	}

	/**
	 * The credentials of one account; {@code sts} (signed with the base credentials) is
	 * shared by every account and stays open when these credentials are closed.
	 */
	public static AccountCredentials forAccount(AwsClientConfigurer aws, StsClient sts, String accountId,
			String callerAccountId, String partition, String runId) {
		if (accountId.equals(callerAccountId)) {
			return new AccountCredentials(aws.baseCredentials());
		}
		String roleArn = "arn:" + partition + ":iam::" + accountId + ":role/" + aws.properties().roleName();
		return new AccountCredentials(() -> StsAssumeRoleCredentialsProvider.builder()
			.stsClient(sts)
			.asyncCredentialUpdateEnabled(false)
			.refreshRequest(r -> {
				r.roleArn(roleArn).roleSessionName(sessionName(runId)).durationSeconds(3600);
				if (aws.properties().externalId() != null && !aws.properties().externalId().isBlank()) {
					r.externalId(aws.properties().externalId());
				}
			})
			.build());
	}

	/**
	 * The session generation: read it before a call, and pass it to {@link #renew} when
	 * the call failed with an expired token.
	 */
	public long generation() {
		return generation.get();
	}

	/**
	 * Drops the assumed-role session of {@code failedGeneration} after AWS answered
	 * {@code ExpiredToken}, so that the next call assumes the role again. Returns false
	 * for base credentials, which cannot be renewed; when another caller renewed the
	 * session already, only reports true.
	 */
	public synchronized boolean renew(long failedGeneration) {
		if (assumeRole == null) {
			return false;
		}
		if (generation.get() == failedGeneration) {
			StsAssumeRoleCredentialsProvider stale = current.getAndSet(assumeRole.get());
			stale.close();
			generation.incrementAndGet();
		}
		return true;
	}

	/**
	 * Runs {@code call}; when AWS answers that the session expired early
	 * ({@code ExpiredToken}), assumes the role again and runs it once more, logging
	 * {@code during}. A second expiry, any other failure, and any failure with base
	 * credentials or none ({@code credentials} null) are thrown as they are.
	 */
	public static <T, E extends Exception> T renewingOnce(AccountCredentials credentials, String during,
			Call<T, E> call) throws E {
		long generation = credentials == null ? 0 : credentials.generation();
		try {
			return call.call();
		}
		catch (SdkException ex) {
			if (credentials == null || !AwsErrors.isExpiredToken(ex) || !credentials.renew(generation)) {
				throw ex;
			}
			log.info("The session expired during {}; assumed the role again", during);
			return call.call();
		}
	}

	/** A call to AWS that may throw {@code E} besides the SDK's exceptions. */
	@FunctionalInterface
	public interface Call<T, E extends Exception> {

		T call() throws E;

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
		StsAssumeRoleCredentialsProvider assumed = current.get();
		if (assumed != null) {
			assumed.close();
		}
	}

}
