package dev.evident.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures, from outside the tool, the CPU time of the SHA-256 digests that
 * {@code HashingOutputStream} creates (every evidence file, the workbook and the report,
 * hashed while written): a security provider placed first for SHA-256, whose digest
 * delegates to the JDK's and times each update. Digests created anywhere else (the SDK's
 * request signing, the simulator's ids) are delegated untimed. The tool itself carries no
 * counter.
 */
final class DigestMeter {

	private static final String METERED = "dev.evident.evidence.HashingOutputStream";

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private static final LongAdder NANOS = new LongAdder();

	private static final LongAdder BYTES = new LongAdder();

	private DigestMeter() {
	}

	/** Installs the provider once per JVM. */
	static synchronized void install() {
		if (Security.getProvider(MeteringProvider.NAME) == null) {
			Security.insertProviderAt(new MeteringProvider(), 1);
		}
	}

	/** CPU time spent in the metered digests' updates so far, in nanoseconds. */
	static long nanos() {
		return NANOS.sum();
	}

	/** Bytes the metered digests were given so far. */
	static long bytes() {
		return BYTES.sum();
	}

	private static final class MeteringProvider extends Provider {

		static final String NAME = "EvidentBenchDigestMeter";

		MeteringProvider() {
			super(NAME, "1", "SHA-256 timed for the benchmarks");
			putService(new Service(this, "MessageDigest", "SHA-256", MeteredSha256.class.getName(), null, null) {
				@Override
				public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
					return new MeteredSha256(MessageDigest.getInstance("SHA-256", Security.getProvider("SUN")),
							createdByMeteredCode());
				}
			});
		}

		private static boolean createdByMeteredCode() {
			return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().equals(METERED)));
		}

	}

	private static final class MeteredSha256 extends MessageDigestSpi {

		private final MessageDigest sha;

		private final boolean metered;

		MeteredSha256(MessageDigest sha, boolean metered) {
			this.sha = sha;
			this.metered = metered;
		}

		@Override
		protected void engineUpdate(byte input) {
			sha.update(input);
		}

		@Override
		protected void engineUpdate(byte[] input, int offset, int len) {
			if (!metered) {
				sha.update(input, offset, len);
				return;
			}
			long start = CPU.getCurrentThreadCpuTime();
			sha.update(input, offset, len);
			NANOS.add(CPU.getCurrentThreadCpuTime() - start);
			BYTES.add(len);
		}

		@Override
		protected byte[] engineDigest() {
			return sha.digest();
		}

		@Override
		protected void engineReset() {
			sha.reset();
		}

		@Override
		protected int engineGetDigestLength() {
			return sha.getDigestLength();
		}

	}

}
