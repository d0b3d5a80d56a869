package dev.evident.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.evident.evidence.HashingOutputStream;

/**
 * Samples the heap while a job runs: the used heap every {@code periodMillis} (peak
 * heap), or, in the live mode, the heap used right after a forced full GC (live heap).
 * Samples are kept with their instant, so that each stage (step) can be given its own
 * peak.
 */
final class HeapMeter implements AutoCloseable {

	record Sample(Instant at, long used, long workerCpu, long hashing) {
	}

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	/** The last CPU time seen of each worker thread: a sum that never goes back. */
	private final Map<Long, Long> workerCpu = new HashMap<>();

	private final List<Sample> samples = new ArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private HeapMeter(long periodMillis, boolean live) {
		this.thread = new Thread(() -> {
			while (running) {
				if (live) {
					System.gc();
				}
				long used = memory.getHeapMemoryUsage().getUsed();
				long cpu = workerCpu();
				synchronized (samples) {
					samples.add(new Sample(Instant.now(), used, cpu, HashingOutputStream.hashingNanos()));
				}
				try {
					Thread.sleep(periodMillis);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-meter");
		thread.setDaemon(true);
		thread.start();
	}

	/** Used heap every 20 ms: the peak of each stage. */
	static HeapMeter peak() {
		return new HeapMeter(20, false);
	}

	/**
	 * Used heap after a full GC every {@code periodMillis}: the live heap of each stage.
	 */
	static HeapMeter live(long periodMillis) {
		return new HeapMeter(periodMillis, true);
	}

	/** The largest sample between two instants (the last sample before, if none). */
	long max(Instant from, Instant to) {
		synchronized (samples) {
			long max = -1;
			long before = 0;
			for (Sample s : samples) {
				if (s.at().isBefore(from)) {
					before = s.used();
				}
				else if (!s.at().isAfter(to)) {
					max = Math.max(max, s.used());
				}
			}
			return max < 0 ? before : max;
		}
	}

	/**
	 * CPU time of the job's worker threads (the {@code --parallelism} pool, named
	 * account-N) between two instants, from the samples nearest to them.
	 */
	double workerCpuSeconds(Instant from, Instant to) {
		return delta(from, to, Sample::workerCpu);
	}

	/** Time spent hashing evidence (in this JVM) between two instants. */
	double hashingSeconds(Instant from, Instant to) {
		return delta(from, to, Sample::hashing);
	}

	private double delta(Instant from, Instant to, java.util.function.ToLongFunction<Sample> value) {
		synchronized (samples) {
			long start = 0;
			long end = 0;
			for (Sample s : samples) {
				if (!s.at().isAfter(from)) {
					start = value.applyAsLong(s);
				}
				if (!s.at().isAfter(to)) {
					end = value.applyAsLong(s);
				}
			}
			return (end - start) / 1e9;
		}
	}

	private long workerCpu() {
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("account-")) {
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				if (cpu > 0) {
					workerCpu.put(info.getThreadId(), cpu);
				}
			}
		}
		long sum = 0;
		for (long v : workerCpu.values()) {
			sum += v;
		}
		return sum;
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		thread.interrupt();
		thread.join();
	}

}
