package dev.evident.simulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.time.Duration;

/**
 * Builds real AWS SDK v2 clients pointed at a simulator, with obviously fake base
 * credentials.
 */
final class SdkClients {

	static final AwsCredentialsProvider BASE = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret"));

	private SdkClients() {
	}

	/**
	 * Client with the given credentials, region and at most {@code maxAttempts} attempts
	 * per call.
	 */
	static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Simulator sim,
			AwsCredentialsProvider credentials, Region region, int maxAttempts, ExecutionInterceptor... interceptors) {
		var retry = AwsRetryStrategy.standardRetryStrategy()
			.toBuilder()
			.maxAttempts(maxAttempts)
			.backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(20)))
			.throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(20)))
			.circuitBreakerEnabled(false)
			.build();
		return builder.endpointOverride(sim.endpoint())
			.region(region)
			.credentialsProvider(credentials)
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration(ClientOverrideConfiguration.builder()
				.retryStrategy(retry)
				.executionInterceptors(java.util.List.of(interceptors))
				.build())
			.build();
	}

	static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Simulator sim) {
		return build(builder, sim, BASE, Region.US_EAST_1, 3);
	}

	/**
	 * Assumes {@code role} in {@code accountId} with base credentials and returns the
	 * session credentials.
	 */
	static AwsCredentialsProvider assume(Simulator sim, String accountId, String role) {
		try (StsClient sts = build(StsClient.builder(), sim)) {
			Credentials c = sts
				.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/" + role)
					.roleSessionName("evident-test")
					.externalId("evident-external-id"))
				.credentials();
			return StaticCredentialsProvider
				.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
		}
	}

}
