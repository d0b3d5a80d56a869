package dev.evident.simulator.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe record of every API call the simulator received, keyed by
 * {@code service:Operation} (for example {@code sts:AssumeRole}) and by the account the
 * call was attributed to. Calls answered with an injected fault are counted too.
 */
public final class CallLog {

	/** One {@code sts:AssumeRole} request as received. */
	public record AssumeRoleCall(String accountId, String roleArn, String roleSessionName, String externalId,
			boolean granted) {
	}

	private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> byOperationAndAccount = new ConcurrentHashMap<>();

	private final List<AssumeRoleCall> assumeRoleCalls = new CopyOnWriteArrayList<>();

	private final AtomicLong total = new AtomicLong();

	/** Records one call; returns the overall sequence number of the call (1-based). */
	public long record(String serviceOperation, String accountId) {
		byOperation.computeIfAbsent(serviceOperation, k -> new AtomicLong()).incrementAndGet();
		byOperationAndAccount.computeIfAbsent(serviceOperation + "@" + accountId, k -> new AtomicLong())
			.incrementAndGet();
		return total.incrementAndGet();
	}

	/** Records an {@code sts:AssumeRole} request (called by the STS handler). */
	public void recordAssumeRole(AssumeRoleCall call) {
		assumeRoleCalls.add(call);
	}

	/**
	 * Number of calls of {@code service:Operation}, e.g. {@code count("sts:AssumeRole")}.
	 */
	public long count(String serviceOperation) {
		AtomicLong n = byOperation.get(serviceOperation);
		return n == null ? 0 : n.get();
	}

	/** Number of calls of {@code service:Operation} attributed to {@code accountId}. */
	public long count(String serviceOperation, String accountId) {
		AtomicLong n = byOperationAndAccount.get(serviceOperation + "@" + accountId);
		return n == null ? 0 : n.get();
	}

	/** Total number of API calls received. */
	public long total() {
		return total.get();
	}

	/** The {@code service:Operation} names seen so far, sorted. */
	public Set<String> operations() {
		return new TreeSet<>(byOperation.keySet());
	}

	/**
	 * Every {@code sts:AssumeRole} request seen, in arrival order (denied ones included).
	 */
	public List<AssumeRoleCall> assumeRoleCalls() {
		return List.copyOf(assumeRoleCalls);
	}

	/** Forgets all recorded calls. */
	public void reset() {
		byOperation.clear();
		byOperationAndAccount.clear();
		assumeRoleCalls.clear();
		total.set(0);
	}

}
