package dev.evident.aws;

import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one place where SDK clients are configured: region, credentials, endpoint override,
 * timeouts, retry strategy, interceptors and a shared HTTP connection pool. Every client
 * Evident builds goes through {@link #configure}.
 */
public class AwsClientConfigurer implements AutoCloseable {

	private final AwsProperties properties;

	private final SdkHttpClient httpClient;

	private final AwsCredentialsProvider baseCredentials;

	private final List<ExecutionInterceptor> interceptors;

	private volatile Region defaultRegion;

	public AwsClientConfigurer(AwsProperties properties, List<ExecutionInterceptor> interceptors, int maxConnections) {
		this.properties = properties;
		this.interceptors = List.copyOf(interceptors);
		this.httpClient = ApacheHttpClient.builder().maxConnections(Math.max(10, maxConnections)).build();
		this.baseCredentials = properties.accessKeyId() != null
				? StaticCredentialsProvider
					.create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()))
				: DefaultCredentialsProvider.builder().build();
	}

	/** The credentials of the management (or delegated administrator) account. */
	public AwsCredentialsProvider baseCredentials() {
		return baseCredentials;
	}

	/**
	 * The explicit region, or the SDK's default region chain (AWS_REGION, profile, ...).
	 */
	public Region defaultRegion() {
		if (defaultRegion == null) {
			defaultRegion = properties.region() != null ? Region.of(properties.region())
					: new DefaultAwsRegionProviderChain().getRegion();
		}
		return defaultRegion;
	}

	public AwsProperties properties() {
		return properties;
	}

	public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder,
			AwsCredentialsProvider credentials, Region region) {
		return configure(builder, credentials, region).build();
	}

	public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder,
			AwsCredentialsProvider credentials, Region region) {
		builder.credentialsProvider(credentials).region(region).httpClient(httpClient);
		if (properties.endpoint() != null) {
			builder.endpointOverride(properties.endpoint());
		}
		ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
			.apiCallTimeout(properties.apiCallTimeout())
			.apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
			.retryStrategy(retryStrategy());
		interceptors.forEach(override::addExecutionInterceptor);
		return builder.overrideConfiguration(override.build());
	}

	/**
	 * An S3 client like the others; path-style addressing ({@code endpoint/bucket/key})
	 * whenever the endpoint is not AWS's own (an explicit endpoint, or
	 * {@code AWS_ENDPOINT_URL[_S3]}), since simulators and S3-compatible stores rarely
	 * serve bucket subdomains. Buckets in another region are followed.
	 */
	public S3Client s3(AwsCredentialsProvider credentials, Region region) {
		S3ClientBuilder builder = configure(S3Client.builder(), credentials, region).crossRegionAccessEnabled(true);
		if (properties.endpoint() != null || System.getenv("AWS_ENDPOINT_URL_S3") != null
				|| System.getenv("AWS_ENDPOINT_URL") != null) {
			builder.forcePathStyle(true);
		}
		return builder.build();
	}

	/**
	 * The SDK's standard strategy: bounded attempts, exponential backoff with jitter,
	 * longer after throttling. Attempts are bounded per call; the shared retry quota is
	 * off, because it would turn a throttling burst into failures across unrelated
	 * accounts.
	 */
	private RetryStrategy retryStrategy() {
		StandardRetryStrategy.Builder retry = AwsRetryStrategy.standardRetryStrategy()
			.toBuilder()
			.maxAttempts(properties.maxAttempts())
			.circuitBreakerEnabled(false);
		if (properties.retryBaseDelay() != null) {
			Duration max = properties.retryMaxDelay() != null ? properties.retryMaxDelay() : Duration.ofSeconds(20);
			retry.backoffStrategy(BackoffStrategy.exponentialDelay(properties.retryBaseDelay(), max))
				.throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(properties.retryBaseDelay(), max));
		}
		return retry.build();
	}

	@Override
	public void close() {
		httpClient.close();
		if (baseCredentials instanceof AutoCloseable c) {
			try {
				c.close();
			}
			catch (Exception ignored) {
				// nothing left to release
			}
		}
	}

}
