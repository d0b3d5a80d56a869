package dev.evident.aws;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every AWS client. Unset values fall back to the SDK's own defaults:
 * the default credentials chain and region, and the standard {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ENDPOINT_URL_<SERVICE>} variables.
 *
 * @param endpoint an explicit endpoint for every service (the demo simulator); null for
 * AWS's own
 * @param region an explicit region; null for the SDK's default region chain
 * @param accessKeyId static credentials (the demo's fake keys); null for the default
 * chain
 * @param secretAccessKey the secret for {@code accessKeyId}
 * @param roleName the role assumed in member accounts
 * @param externalId the external id presented when assuming it, if the role requires one
 * @param maxAttempts attempts per call, the first included (default 10)
 * @param retryBaseDelay the first backoff delay between attempts (null: the SDK's
 * default, 100 ms); also after throttling unless {@code throttlingBaseDelay} is set
 * @param retryMaxDelay the longest backoff delay (default 20 s)
 * @param throttlingBaseDelay the first backoff delay after throttling (null:
 * {@code retryBaseDelay} if set, else 250 ms; see
 * {@code AwsClientConfigurer.DEFAULT_THROTTLING_BASE_DELAY})
 */
@ConfigurationProperties("evident.aws")
public record AwsProperties(URI endpoint, String region, String accessKeyId, String secretAccessKey, String roleName,
		String externalId, Duration apiCallTimeout, Duration apiCallAttemptTimeout, Integer maxAttempts,
		Duration retryBaseDelay, Duration retryMaxDelay, Duration throttlingBaseDelay) {

	public static final String DEFAULT_ROLE_NAME = "EvidentAuditRole";

	public AwsProperties {
		roleName = (roleName == null || roleName.isBlank()) ? DEFAULT_ROLE_NAME : roleName;
		apiCallTimeout = apiCallTimeout == null ? Duration.ofMinutes(2) : apiCallTimeout;
		apiCallAttemptTimeout = apiCallAttemptTimeout == null ? Duration.ofSeconds(30) : apiCallAttemptTimeout;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
	}

	@Override
	public String toString() {
		// Never print the secret or the external id.
		return "AwsProperties[endpoint=" + endpoint + ", region=" + region + ", roleName=" + roleName + "]";
	}
}
