package dev.evident.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected into a running {@link Simulator}. All methods are thread-safe and take
 * effect on the next request; {@link #reset()} clears everything.
 */
public final class Faults {

	private record OperationFailure(int afterCalls, int httpStatus, AtomicInteger calls) {
	}

	private final Object throttleLock = new Object();

	private double throttleRate;

	private Random throttleRandom = new Random(0);

	private final Set<String> deniedAccounts = ConcurrentHashMap.newKeySet();

	private volatile int credentialReportInProgress;

	private final Map<String, AtomicInteger> inProgressAnswered = new ConcurrentHashMap<>();

	private volatile Duration latency = Duration.ZERO;

	private final Map<String, OperationFailure> failures = new ConcurrentHashMap<>();

	private volatile long expireCredentialsAfterCalls = -1;

	private volatile int pageSizeLimit = Integer.MAX_VALUE;

	/**
	 * Answers the given fraction of API calls (0..1) with the protocol's throttling error
	 * (query: {@code Throttling}/400; Organizations:
	 * {@code TooManyRequestsException}/400; Inspector2 and Artifact:
	 * {@code ThrottlingException}/429). Deterministic for a given seed.
	 */
	public Faults throttleRate(double rate, long seed) {
		if (rate < 0 || rate > 1) {
			throw new IllegalArgumentException("rate must be within 0..1: " + rate);
		}
		synchronized (throttleLock) {
			throttleRate = rate;
			throttleRandom = new Random(seed);
		}
		return this;
	}

	/** Makes {@code sts:AssumeRole} into this account answer {@code AccessDenied}/403. */
	public Faults denyAssumeRole(String accountId) {
		deniedAccounts.add(accountId);
		return this;
	}

	/**
	 * {@code iam:GetCredentialReport} answers {@code ReportInProgress} this many times
	 * per account first.
	 */
	public Faults credentialReportInProgress(int times) {
		inProgressAnswered.clear();
		credentialReportInProgress = Math.max(0, times);
		return this;
	}

	/** Delays every API call by this duration. */
	public Faults latency(Duration perRequest) {
		latency = perRequest == null || perRequest.isNegative() ? Duration.ZERO : perRequest;
		return this;
	}

	/**
	 * After {@code afterCalls} successful calls of {@code service:Operation}, every
	 * further call answers an error with {@code httpStatus} (500: the protocol's internal
	 * error) until {@link #clear(String)}.
	 */
	public Faults failOperation(String serviceOperation, int afterCalls, int httpStatus) {
		failures.put(serviceOperation, new OperationFailure(afterCalls, httpStatus, new AtomicInteger()));
		return this;
	}

	/**
	 * Requests signed with simulator-issued (assumed-role) credentials answer
	 * {@code ExpiredTokenException} once more than {@code calls} API calls have been
	 * received since the credentials were issued; {@code 0} expires them immediately, a
	 * negative value switches the fault off.
	 */
	public Faults expireCredentialsAfterCalls(long calls) {
		expireCredentialsAfterCalls = calls;
		return this;
	}

	/**
	 * Caps every paginated response at this many items, whatever the caller asked for, so
	 * that small datasets still come in many pages and every pagination path is
	 * exercised.
	 */
	public Faults pageSizeLimit(int items) {
		if (items < 1) {
			throw new IllegalArgumentException("page size limit must be at least 1: " + items);
		}
		pageSizeLimit = items;
		return this;
	}

	/** The page size cap in force. */
	public int pageSizeLimit() {
		return pageSizeLimit;
	}

	/** Removes the {@link #failOperation} fault of one operation. */
	public Faults clear(String serviceOperation) {
		failures.remove(serviceOperation);
		return this;
	}

	/** Removes every fault. */
	public Faults reset() {
		throttleRate(0, 0);
		deniedAccounts.clear();
		credentialReportInProgress(0);
		latency = Duration.ZERO;
		failures.clear();
		expireCredentialsAfterCalls = -1;
		pageSizeLimit = Integer.MAX_VALUE;
		return this;
	}

	// ---- queried by the simulator ----

	public boolean nextCallThrottled() {
		synchronized (throttleLock) {
			return throttleRate > 0 && throttleRandom.nextDouble() < throttleRate;
		}
	}

	public boolean assumeRoleDenied(String accountId) {
		return deniedAccounts.contains(accountId);
	}

	/**
	 * True when this GetCredentialReport call of the account must answer
	 * ReportInProgress.
	 */
	public boolean credentialReportStillInProgress(String accountId) {
		int limit = credentialReportInProgress;
		if (limit == 0) {
			return false;
		}
		return inProgressAnswered.computeIfAbsent(accountId, k -> new AtomicInteger()).incrementAndGet() <= limit;
	}

	public Duration latency() {
		return latency;
	}

	/** The HTTP status to fail this call with, or 0 when the call may proceed. */
	public int failureStatus(String serviceOperation) {
		OperationFailure failure = failures.get(serviceOperation);
		if (failure == null) {
			return 0;
		}
		return failure.calls().incrementAndGet() > failure.afterCalls() ? failure.httpStatus() : 0;
	}

	public boolean credentialsExpired(long issuedAtCall, long currentCall) {
		long limit = expireCredentialsAfterCalls;
		return limit >= 0 && currentCall - issuedAtCall > limit;
	}

}
