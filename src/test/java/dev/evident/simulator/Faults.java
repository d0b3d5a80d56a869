package dev.evident.simulator;

import dev.evident.simulator.server.FaultHook;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected into a running {@link Simulator} by the tests: the fault scripts, which
 * the product does not ship; the simulator asks through {@link FaultHook}. Start a
 * simulator with {@code SimulatorConfig.withFaults(new Faults())} and reach them with
 * {@link #of}. All methods are thread-safe and take effect on the next request;
 * {@link #reset()} clears everything.
 */
public final class Faults implements FaultHook {

	/** The faults of a simulator started with them. */
	public static Faults of(Simulator simulator) {
		if (simulator.faults() instanceof Faults faults) {
			return faults;
		}
		throw new IllegalStateException("the simulator was started without test faults: "
				+ "SimulatorConfig.defaults().withFaults(new Faults())");
	}

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

	private final Map<String, Integer> regional = new ConcurrentHashMap<>();

	/**
	 * {@code service:Operation account} whose next call expires the session it is signed
	 * with.
	 */
	private final Set<String> expireAt = ConcurrentHashMap.newKeySet();

	/** Access keys of the sessions expired that way. */
	private final Set<String> expiredKeys = ConcurrentHashMap.newKeySet();

	private volatile long expireCredentialsAfterCalls = -1;

	private volatile int pageSizeLimit = Integer.MAX_VALUE;

	private record Burst(int remaining, int httpStatus) {
	}

	private record Periodic(int every, int httpStatus, AtomicInteger calls) {
	}

	private record SlowCalls(Duration delay, AtomicInteger remaining) {
	}

	private final Map<String, Burst> bursts = new ConcurrentHashMap<>();

	private final Map<String, Periodic> periodic = new ConcurrentHashMap<>();

	private final Map<String, SlowCalls> slowCalls = new ConcurrentHashMap<>();

	private final Set<String> credentialReportNeverReady = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> truncatedDocuments = new ConcurrentHashMap<>();

	private volatile long expireSessionsAfterOwnCalls = -1;

	private final Map<String, AtomicInteger> sessionCalls = new ConcurrentHashMap<>();

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
	 * The first call of {@code service:Operation} in the account expires the assumed-role
	 * session it is signed with: that call and every later one signed with it answer the
	 * protocol's expired-session error (a session assumed again is not touched).
	 */
	public Faults expireSessionAt(String serviceOperation, String accountId) {
		expireAt.add(serviceOperation + " " + accountId);
		return this;
	}

	@Override
	public boolean sessionExpired(String serviceOperation, String accountId, String accessKeyId) {
		if (expireAt.remove(serviceOperation + " " + accountId)) {
			expiredKeys.add(accessKeyId);
		}
		return expiredKeys.contains(accessKeyId);
	}

	/**
	 * Every call of {@code service} (its signing name, e.g. {@code ec2}) made in one
	 * account and region answers {@code httpStatus} (403: the protocol's access denied),
	 * until {@link #reset()}; the other regions and accounts are not touched.
	 */
	public Faults refuseInRegion(String service, String accountId, String region, int httpStatus) {
		regional.put(service + " " + accountId + " " + region, httpStatus);
		return this;
	}

	@Override
	public int regionalFailureStatus(String serviceOperation, String accountId, String region) {
		String service = serviceOperation.substring(0, serviceOperation.indexOf(':'));
		return regional.getOrDefault(service + " " + accountId + " " + region, 0);
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
	@Override
	public int pageSizeLimit() {
		return pageSizeLimit;
	}

	/**
	 * The next {@code calls} calls of {@code service:Operation} answer an error with
	 * {@code httpStatus} (500: the protocol's internal error, 503: service unavailable);
	 * later calls succeed again.
	 */
	public Faults failNextCalls(String serviceOperation, int calls, int httpStatus) {
		synchronized (bursts) {
			bursts.put(serviceOperation, new Burst(calls, httpStatus));
		}
		return this;
	}

	/**
	 * Every {@code every}-th call of {@code service:Operation} (the k-th, 2k-th, ...)
	 * answers an error with {@code httpStatus}.
	 */
	public Faults failEveryKthCall(String serviceOperation, int every, int httpStatus) {
		if (every < 1) {
			throw new IllegalArgumentException("every must be at least 1: " + every);
		}
		periodic.put(serviceOperation, new Periodic(every, httpStatus, new AtomicInteger()));
		return this;
	}

	/**
	 * The next {@code calls} calls of {@code service:Operation} are answered only after
	 * {@code delay} (on top of {@link #latency}); later calls are answered at once. With
	 * a delay longer than the client's per-attempt timeout, the first attempt times out
	 * and the retry succeeds.
	 */
	public Faults slowNextCalls(String serviceOperation, int calls, Duration delay) {
		slowCalls.put(serviceOperation, new SlowCalls(delay, new AtomicInteger(calls)));
		return this;
	}

	/**
	 * {@code iam:GetCredentialReport} in this account answers {@code ReportInProgress}
	 * forever.
	 */
	public Faults credentialReportNeverReady(String accountId) {
		credentialReportNeverReady.add(accountId);
		return this;
	}

	/**
	 * The next {@code times} downloads of this Artifact report's document announce the
	 * full Content-Length, send half of the bytes and close the connection;
	 * {@link Integer#MAX_VALUE} cuts every download.
	 */
	public Faults truncateArtifactDocument(String reportId, int times) {
		truncatedDocuments.put(reportId, new AtomicInteger(times));
		return this;
	}

	/**
	 * A simulator-issued (assumed-role) session answers {@code ExpiredTokenException}
	 * once it has signed more than {@code calls} API calls itself, as a session that
	 * expires in the middle of a long crawl; a new AssumeRole gives a fresh session. A
	 * negative value switches the fault off.
	 */
	public Faults expireSessionsAfterOwnCalls(long calls) {
		sessionCalls.clear();
		expireSessionsAfterOwnCalls = calls;
		return this;
	}

	/** Removes the {@link #failOperation} fault of one operation. */
	public Faults clear(String serviceOperation) {
		failures.remove(serviceOperation);
		bursts.remove(serviceOperation);
		periodic.remove(serviceOperation);
		slowCalls.remove(serviceOperation);
		return this;
	}

	/** Removes every fault. */
	public Faults reset() {
		throttleRate(0, 0);
		deniedAccounts.clear();
		credentialReportInProgress(0);
		latency = Duration.ZERO;
		failures.clear();
		regional.clear();
		expireAt.clear();
		expiredKeys.clear();
		expireCredentialsAfterCalls = -1;
		pageSizeLimit = Integer.MAX_VALUE;
		bursts.clear();
		periodic.clear();
		slowCalls.clear();
		credentialReportNeverReady.clear();
		truncatedDocuments.clear();
		expireSessionsAfterOwnCalls(-1);
		resetExports();
		return this;
	}

	// ---- queried by the simulator ----

	@Override
	public boolean nextCallThrottled() {
		synchronized (throttleLock) {
			return throttleRate > 0 && throttleRandom.nextDouble() < throttleRate;
		}
	}

	@Override
	public boolean assumeRoleDenied(String accountId) {
		return deniedAccounts.contains(accountId);
	}

	/**
	 * True when this GetCredentialReport call of the account must answer
	 * ReportInProgress.
	 */
	@Override
	public boolean credentialReportStillInProgress(String accountId) {
		if (credentialReportNeverReady.contains(accountId)) {
			return true;
		}
		int limit = credentialReportInProgress;
		if (limit == 0) {
			return false;
		}
		return inProgressAnswered.computeIfAbsent(accountId, k -> new AtomicInteger()).incrementAndGet() <= limit;
	}

	@Override
	public Duration latency() {
		return latency;
	}

	/** The HTTP status to fail this call with, or 0 when the call may proceed. */
	@Override
	public int failureStatus(String serviceOperation) {
		OperationFailure failure = failures.get(serviceOperation);
		if (failure == null) {
			return 0;
		}
		return failure.calls().incrementAndGet() > failure.afterCalls() ? failure.httpStatus() : 0;
	}

	/**
	 * The HTTP status of a {@link #failNextCalls} or {@link #failEveryKthCall} fault for
	 * this call, or 0.
	 */
	@Override
	public int transientFailureStatus(String serviceOperation) {
		synchronized (bursts) {
			Burst burst = bursts.get(serviceOperation);
			if (burst != null && burst.remaining() > 0) {
				bursts.put(serviceOperation, new Burst(burst.remaining() - 1, burst.httpStatus()));
				return burst.httpStatus();
			}
		}
		Periodic p = periodic.get(serviceOperation);
		if (p != null && p.calls().incrementAndGet() % p.every() == 0) {
			return p.httpStatus();
		}
		return 0;
	}

	/** The extra delay of this call of the operation ({@link #slowNextCalls}). */
	@Override
	public Duration extraDelay(String serviceOperation) {
		SlowCalls slow = slowCalls.get(serviceOperation);
		if (slow != null && slow.remaining().getAndDecrement() > 0) {
			return slow.delay();
		}
		return Duration.ZERO;
	}

	/** Whether this download of the report's document must be cut off. */
	@Override
	public boolean truncateDocument(String reportId) {
		AtomicInteger remaining = truncatedDocuments.get(reportId);
		return remaining != null && remaining.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : n - 1) > 0;
	}

	/**
	 * Counts one call signed by a simulator-issued session; true when the session has
	 * outlived {@link #expireSessionsAfterOwnCalls}.
	 */
	@Override
	public boolean sessionExpiredAfterOwnCalls(String accessKeyId) {
		long limit = expireSessionsAfterOwnCalls;
		if (limit < 0) {
			return false;
		}
		return sessionCalls.computeIfAbsent(accessKeyId, k -> new AtomicInteger()).incrementAndGet() > limit;
	}

	@Override
	public boolean credentialsExpired(long issuedAtCall, long currentCall) {
		long limit = expireCredentialsAfterCalls;
		return limit >= 0 && currentCall - issuedAtCall > limit;
	}

	// ---- findings reports (CreateFindingsReport) and their S3 objects ----

	private volatile int findingsReportInProgressPolls;

	private volatile String findingsReportFailure;

	private final Set<String> missingBuckets = ConcurrentHashMap.newKeySet();

	private final Set<String> deniedObjectReads = ConcurrentHashMap.newKeySet();

	private record Truncation(AtomicInteger remaining, long afterBytes) {
	}

	private volatile Truncation objectTruncation;

	/**
	 * {@code inspector2:GetFindingsReportStatus} answers {@code IN_PROGRESS} this many
	 * times for each report before its outcome.
	 */
	public Faults findingsReportInProgressPolls(int polls) {
		findingsReportInProgressPolls = Math.max(0, polls);
		return this;
	}

	/**
	 * Reports created from now on end {@code FAILED} with this error code (for example
	 * {@code INVALID_PERMISSIONS}, {@code INTERNAL_ERROR}); null switches the fault off.
	 */
	public Faults failFindingsReports(String errorCode) {
		findingsReportFailure = errorCode;
		return this;
	}

	/**
	 * This S3 bucket does not exist: reports to it end {@code FAILED} with
	 * {@code BUCKET_NOT_FOUND} and reads answer {@code NoSuchBucket}.
	 */
	public Faults missingBucket(String bucket) {
		missingBuckets.add(bucket);
		return this;
	}

	/**
	 * Reads of this bucket's objects answer {@code AccessDenied}/403 (no s3:GetObject or
	 * no kms:Decrypt for the reader).
	 */
	public Faults denyObjectReads(String bucket) {
		deniedObjectReads.add(bucket);
		return this;
	}

	/**
	 * The next {@code times} object downloads stop after {@code afterBytes} bytes and
	 * close the connection before the end of the chunked body.
	 */
	public Faults truncateObjectReads(int times, long afterBytes) {
		objectTruncation = new Truncation(new AtomicInteger(times), afterBytes);
		return this;
	}

	private void resetExports() {
		findingsReportInProgressPolls = 0;
		findingsReportFailure = null;
		missingBuckets.clear();
		deniedObjectReads.clear();
		objectTruncation = null;
	}

	@Override
	public int findingsReportInProgressPolls() {
		return findingsReportInProgressPolls;
	}

	/** The error code reports created now must fail with, or null. */
	@Override
	public String findingsReportFailure() {
		return findingsReportFailure;
	}

	@Override
	public boolean bucketMissing(String bucket) {
		return missingBuckets.contains(bucket);
	}

	@Override
	public boolean objectReadDenied(String bucket) {
		return deniedObjectReads.contains(bucket);
	}

	/**
	 * The number of bytes after which this download must be cut off, or -1 for a whole
	 * download.
	 */
	@Override
	public long objectReadCutOff() {
		Truncation t = objectTruncation;
		return t != null && t.remaining().getAndDecrement() > 0 ? t.afterBytes() : -1;
	}

}
