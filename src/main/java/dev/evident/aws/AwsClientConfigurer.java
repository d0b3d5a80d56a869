package dev.evident.aws;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

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
 * timeouts, retry strategy, interceptors, a shared HTTP connection pool that lets
 * {@code --parallelism} requests be in flight at once, and one shared timer for the call
 * and attempt timeouts (without it, every client starts its own timer threads). Every
 * client Evident builds goes through {@link #configure}.
 */
public class AwsClientConfigurer implements AutoCloseable {

	private final AwsProperties properties;

	private final SdkHttpClient httpClient;

	private final AwsCredentialsProvider baseCredentials;

	private final List<ExecutionInterceptor> interceptors;

	private final ScheduledThreadPoolExecutor timeouts;

	private volatile Region defaultRegion;

	/**
	 * @param parallelism the requests in flight at once, over every client and thread
	 * (see {@link RequestSlots})
	 */
	public AwsClientConfigurer(AwsProperties properties, List<ExecutionInterceptor> interceptors, int parallelism) {
		this.properties = properties;
		this.interceptors = List.copyOf(interceptors);
		this.httpClient = new RequestSlots(
				ApacheHttpClient.builder().maxConnections(Math.max(10, parallelism * 4)).build(), parallelism);
		this.timeouts = timeoutScheduler();
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
			.retryStrategy(retryStrategy())
			.scheduledExecutorService(timeouts);
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
	 * The first backoff after throttling unless configured: a quarter of the SDK's 1 s,
	 * with two more attempts than the SDK's, so that a call waits about as long in total
	 * before it gives up under sustained throttling (0.25 s doubling to the 20 s cap over
	 * 9 waits is 72 s at most, the SDK's 1 s over 7 waits 71 s) but an occasional
	 * throttle costs an eighth of a second on average instead of half of one.
	 */
	static final Duration DEFAULT_THROTTLING_BASE_DELAY = Duration.ofMillis(250);

	/**
	 * The SDK's standard strategy: bounded attempts, exponential backoff with full
	 * jitter, after throttling from {@link AwsProperties#throttlingBaseDelay()}. Attempts
	 * are bounded per call; the shared retry quota is off, because it would turn a
	 * throttling burst into failures across unrelated accounts.
	 */
	private RetryStrategy retryStrategy() {
		StandardRetryStrategy.Builder retry = AwsRetryStrategy.standardRetryStrategy()
			.toBuilder()
			.maxAttempts(properties.maxAttempts())
			.circuitBreakerEnabled(false);
		Duration max = properties.retryMaxDelay() != null ? properties.retryMaxDelay() : Duration.ofSeconds(20);
		if (properties.retryBaseDelay() != null) {
			retry.backoffStrategy(BackoffStrategy.exponentialDelay(properties.retryBaseDelay(), max));
		}
		Duration throttling = properties.throttlingBaseDelay() != null ? properties.throttlingBaseDelay()
				: properties.retryBaseDelay() != null ? properties.retryBaseDelay() : DEFAULT_THROTTLING_BASE_DELAY;
		retry.throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttling, max));
		return retry.build();
	}

	/**
	 * Timeouts are scheduled and cancelled twice per call: cancelled ones leave the queue
	 * at once.
	 */
	private static ScheduledThreadPoolExecutor timeoutScheduler() {
		AtomicInteger threads = new AtomicInteger();
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, r -> {
			Thread thread = new Thread(r, "aws-timeouts-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	@Override
	public void close() {
		timeouts.shutdownNow();
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
