package dev.evident.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where Inspector writes findings reports ({@code --findings-export s3://bucket/prefix}
 * with {@code --findings-export-kms-key ARN}), and when to use them instead of
 * ListFindings: always ({@code threshold} null), or in a region only when the
 * organization has at least {@code threshold} active findings there
 * ({@code --findings-export-above N}).
 *
 * @param keyPrefix the prefix under the bucket, without leading or trailing slash (may be
 * empty)
 */
public record FindingsExport(String bucket, String keyPrefix, String kmsKeyArn, Long threshold) {

	/**
	 * The threshold of {@code --findings-export-above} given without a number: where the
	 * findings report overtakes ListFindings, rounded down from the crossover that
	 * FindingsPathBenchmark measures (docs/performance.md, "ListFindings or the findings
	 * report").
	 */
	public static final long DEFAULT_THRESHOLD = 80_000;

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private static final Pattern KMS_KEY = Pattern
		.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[A-Za-z0-9/_+=.@-]+");

	/**
	 * Validates the options together; every message is one line fit for a usage error.
	 * Returns null when no export is configured.
	 */
	public static FindingsExport parse(String destination, String kmsKeyArn, Long threshold) {
		if (destination == null && kmsKeyArn == null) {
			if (threshold != null) {
				throw new IllegalArgumentException(
						"--findings-export-above needs --findings-export and --findings-export-kms-key");
			}
			return null;
		}
		if (destination == null || kmsKeyArn == null) {
			throw new IllegalArgumentException(
					"--findings-export and --findings-export-kms-key must be given together");
		}
		URI uri;
		try {
			uri = new URI(destination);
		}
		catch (URISyntaxException ex) {
			throw malformed(destination);
		}
		String bucket = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
		if (!"s3".equals(uri.getScheme()) || bucket == null || !BUCKET.matcher(bucket).matches()
				|| uri.getQuery() != null || uri.getFragment() != null) {
			throw malformed(destination);
		}
		String prefix = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
		if (!KMS_KEY.matcher(kmsKeyArn).matches()) {
			throw new IllegalArgumentException("--findings-export-kms-key '" + kmsKeyArn
					+ "' is not a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/…");
		}
		if (threshold != null && threshold < 0) {
			throw new IllegalArgumentException("--findings-export-above must be 0 or more, got " + threshold);
		}
		return new FindingsExport(bucket, prefix, kmsKeyArn, threshold);
	}

	private static IllegalArgumentException malformed(String destination) {
		return new IllegalArgumentException(
				"--findings-export '" + destination + "' is not an S3 URI such as s3://my-bucket/inspector-exports");
	}

	/** Whether every region uses the export, whatever its number of findings. */
	public boolean forced() {
		return threshold == null;
	}

	/** The destination as given: {@code s3://bucket/prefix}. */
	public String uri() {
		return "s3://" + bucket + (keyPrefix.isEmpty() ? "" : "/" + keyPrefix);
	}

	/**
	 * The object key of a report, {@code <prefix>/<reportId>.json}, as Inspector names
	 * it.
	 */
	public String objectKey(String reportId) {
		return (keyPrefix.isEmpty() ? "" : keyPrefix + "/") + reportId + ".json";
	}

}
