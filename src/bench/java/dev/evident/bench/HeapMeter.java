package dev.evident.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;


/**
 * Samples the heap while a job runs: the used heap every {@code periodMillis} (peak
 * heap), or, in the live mode, the heap left by each full GC it forces (live heap).
 * Samples are kept with their instant, so that each stage (step) can be given its own
 * peak.
 * <p>
 * The live heap is read from the GC's own notification (its usage after the collection),
 * not from the heap after {@code System.gc()} returns: a full GC asked for while a thread
 * holds a JNI critical region (the {@code Deflater} of SXSSF's compressed temporary
 * files, the zip of the bundle) is skipped, and {@code System.gc()} returns without
 * collecting. Read afterwards, the heap would count that garbage as live.
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

	private final List<Runnable> unsubscribe = new ArrayList<>();

	private final AtomicLong requested = new AtomicLong();

	private final AtomicLong completed = new AtomicLong();

	private HeapMeter(long periodMillis, boolean live) {
		if (live) {
			subscribeToFullGcs();
		}
		this.thread = new Thread(() -> {
			while (running) {
				if (live) {
					requested.incrementAndGet();
					System.gc();
				}
				else {
					sample(Instant.now(), memory.getHeapMemoryUsage().getUsed());
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

	private void sample(Instant at, long used) {
		long cpu = workerCpu();
		synchronized (samples) {
			samples.add(new Sample(at, used, cpu, DigestMeter.nanos()));
		}
	}

	/** A sample for every full GC that System.gc() completed: the heap it left. */
	private void subscribeToFullGcs() {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		Set<String> heapPools = new HashSet<>();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				heapPools.add(pool.getName());
			}
		}
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (gc instanceof NotificationEmitter emitter) {
				NotificationListener listener = (notification, handback) -> {
					if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
						.equals(notification.getType())) {
						return;
					}
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					if (info.getGcAction().equals("end of major GC") && info.getGcCause().equals("System.gc()")) {
						long after = info.getGcInfo()
							.getMemoryUsageAfterGc()
							.entrySet()
							.stream()
							.filter(pool -> heapPools.contains(pool.getKey()))
							.mapToLong(pool -> pool.getValue().getUsed())
							.sum();
						completed.incrementAndGet();
						sample(Instant.ofEpochMilli(jvmStart + info.getGcInfo().getEndTime()), after);
					}
				};
				emitter.addNotificationListener(listener, null, null);
				unsubscribe.add(() -> {
					try {
						emitter.removeNotificationListener(listener);
					}
					catch (ListenerNotFoundException ex) {
						// already gone
					}
				});
			}
		}
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

	/** The heap left by the next full GC that completes: the live heap now. */
	static long liveNow() throws InterruptedException {
		try (HeapMeter meter = live(50)) {
			for (int i = 0; i < 200; i++) {
				synchronized (meter.samples) {
					if (!meter.samples.isEmpty()) {
						return meter.samples.get(meter.samples.size() - 1).used();
					}
				}
				Thread.sleep(10);
			}
		}
		throw new IllegalStateException("no forced full GC completed within 2 s");
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
			if (info != null && (info.getThreadName().startsWith("account-")
					|| info.getThreadName().startsWith("findings-chain-"))) {
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
		unsubscribe.forEach(Runnable::run);
		if (requested.get() > 0) {
			System.out.printf("heap meter: %d full GCs completed for %d forced (a skipped one leaves no sample)%n",
					completed.get(), requested.get());
		}
	}

}
