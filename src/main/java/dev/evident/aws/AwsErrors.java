package dev.evident.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into the error code and message of an evidence gap. */
public final class AwsErrors {

	/**
	 * The codes of an expired session: STS-style, and EC2's own {@code RequestExpired}
	 * (also its answer to a clock too far off, which a renewed session does not cure: the
	 * second failure is thrown).
	 */
	private static final java.util.Set<String> EXPIRED_TOKEN_CODES = java.util.Set.of("ExpiredToken",
			"ExpiredTokenException", "RequestExpired");

	private AwsErrors() {
	}

	public static String code(Throwable ex) {
		Throwable t = unwrap(ex);
		if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null
				&& aws.awsErrorDetails().errorCode() != null) {
			return aws.awsErrorDetails().errorCode();
		}
		return t.getClass().getSimpleName();
	}

	public static String message(Throwable ex) {
		Throwable t = unwrap(ex);
		if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null
				&& aws.awsErrorDetails().errorMessage() != null) {
			return aws.awsErrorDetails().errorMessage();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

	/**
	 * The AWS exception inside SDK client wrappers, such as a credentials provider's
	 * failure.
	 */
	static Throwable unwrap(Throwable ex) {
		Throwable t = ex;
		while (!(t instanceof AwsServiceException) && t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t instanceof AwsServiceException ? t : ex;
	}

	/**
	 * Whether AWS answered with a definite refusal (access denied, not enabled, not
	 * found): such an error becomes an evidence gap. Throttling that outlasted the
	 * retries, server errors and network failures are transient instead: they fail the
	 * step, so that a restart resumes it.
	 */
	public static boolean isPermanent(Throwable ex) {
		return unwrap(ex) instanceof AwsServiceException aws && aws.statusCode() >= 400 && aws.statusCode() < 500
				&& !aws.isThrottlingException() && aws.statusCode() != 408 && !isExpiredToken(ex);
	}

	/**
	 * The rule every collector follows: a definite refusal from AWS
	 * ({@link #isPermanent}) is handed to {@code gap} with its error code and message, to
	 * be recorded as an evidence gap; anything else is thrown, so that the step fails and
	 * a restart resumes it.
	 */
	public static void gapOrThrow(SdkException ex, Gap gap) {
		if (!isPermanent(ex)) {
			throw ex;
		}
		gap.record(code(ex), message(ex));
	}

	/** Records a definite refusal: its AWS error code and message. */
	@FunctionalInterface
	public interface Gap {

		void record(String code, String message);

	}

	/**
	 * Whether AWS refused the call because the session token expired: not a refusal of
	 * the evidence, but of stale credentials, to be renewed (or, failing that, retried by
	 * a restart).
	 */
	public static boolean isExpiredToken(Throwable ex) {
		return unwrap(ex) instanceof AwsServiceException aws && aws.awsErrorDetails() != null
				&& EXPIRED_TOKEN_CODES.contains(aws.awsErrorDetails().errorCode());
	}

}
