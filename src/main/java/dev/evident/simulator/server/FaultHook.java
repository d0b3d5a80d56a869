package dev.evident.simulator.server;

import java.time.Duration;

/**
 * Where a test injects faults into a running {@link Simulator}: the simulator asks on
 * every request, and the answers of {@link #NONE} (every default here) are those of a
 * healthy AWS. The product ships no fault scripts; tests fill this in
 * ({@code SimulatorConfig.withFaults}).
 */
public interface FaultHook {

	/** A healthy AWS. */
	FaultHook NONE = new FaultHook() {
	};

	/** Whether this call is answered with the protocol's throttling error. */
	default boolean nextCallThrottled() {
		return false;
	}

	default boolean assumeRoleDenied(String accountId) {
		return false;
	}

	/** Whether this GetCredentialReport call of the account answers ReportInProgress. */
	default boolean credentialReportStillInProgress(String accountId) {
		return false;
	}

	/** Added to every request. */
	default Duration latency() {
		return Duration.ZERO;
	}

	/** The HTTP status to fail this call with, or 0 when the call may proceed. */
	default int failureStatus(String serviceOperation) {
		return 0;
	}

	/**
	 * The HTTP status to refuse this call with in one account and region only (a 403: the
	 * protocol's access denied), or 0.
	 */
	default int regionalFailureStatus(String serviceOperation, String accountId, String region) {
		return 0;
	}

	/** The HTTP status of a transient failure of this call, or 0. */
	default int transientFailureStatus(String serviceOperation) {
		return 0;
	}

	/** An extra delay of this call of the operation. */
	default Duration extraDelay(String serviceOperation) {
		return Duration.ZERO;
	}

	/** The most items a page may hold. */
	default int pageSizeLimit() {
		return Integer.MAX_VALUE;
	}

	/** Whether this download of the Artifact report's document is cut off. */
	default boolean truncateDocument(String reportId) {
		return false;
	}

	/** Counts one call signed by a simulator-issued session; true when it expired. */
	default boolean sessionExpiredAfterOwnCalls(String accessKeyId) {
		return false;
	}

	/**
	 * Whether this call finds the assumed-role session it is signed with expired (asked
	 * for every call signed by a simulator-issued session).
	 */
	default boolean sessionExpired(String serviceOperation, String accountId, String accessKeyId) {
		return false;
	}

	/** Whether credentials issued at one call count have expired at another. */
	default boolean credentialsExpired(long issuedAtCall, long currentCall) {
		return false;
	}

	/** How many times GetFindingsReportStatus answers IN_PROGRESS before the outcome. */
	default int findingsReportInProgressPolls() {
		return 0;
	}

	/** The error code findings reports created now fail with, or null. */
	default String findingsReportFailure() {
		return null;
	}

	default boolean bucketMissing(String bucket) {
		return false;
	}

	default boolean objectReadDenied(String bucket) {
		return false;
	}

	/** The number of bytes after which this S3 download is cut off, or -1. */
	default long objectReadCutOff() {
		return -1;
	}

}
