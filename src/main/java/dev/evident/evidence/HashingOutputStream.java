package dev.evident.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hashes (SHA-256) and counts the bytes on their way to the file, so that no evidence
 * file is read back to be hashed. Buffered: bytes are hashed and written in blocks of
 * {@value #BLOCK} bytes. The CPU time spent in the digest is added to
 * {@link #hashingNanos()}, which the benchmarks compare with the SHA-256 floor.
 */
public final class HashingOutputStream extends FilterOutputStream {

	static final int BLOCK = 1 << 16;

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private static final LongAdder NANOS = new LongAdder();

	private static final LongAdder BYTES = new LongAdder();

	private final MessageDigest sha = EvidenceFiles.sha256();

	private final byte[] buffer = new byte[BLOCK];

	private int buffered;

	private long count;

	public HashingOutputStream(OutputStream out) {
		super(out);
	}

	/** A new file (replaced if it exists). */
	public static HashingOutputStream toFile(Path file) throws IOException {
		return new HashingOutputStream(Files.newOutputStream(file));
	}

	@Override
	public void write(int b) throws IOException {
		if (buffered == BLOCK) {
			drain();
		}
		buffer[buffered++] = (byte) b;
		count++;
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		if (len >= BLOCK) {
			drain();
			hashAndWrite(b, off, len);
		}
		else {
			if (len > BLOCK - buffered) {
				drain();
			}
			System.arraycopy(b, off, buffer, buffered, len);
			buffered += len;
		}
		count += len;
	}

	@Override
	public void flush() throws IOException {
		drain();
		out.flush();
	}

	@Override
	public void close() throws IOException {
		try {
			drain();
		}
		finally {
			out.close();
		}
	}

	private void drain() throws IOException {
		if (buffered > 0) {
			hashAndWrite(buffer, 0, buffered);
			buffered = 0;
		}
	}

	private void hashAndWrite(byte[] b, int off, int len) throws IOException {
		long start = CPU.getCurrentThreadCpuTime();
		sha.update(b, off, len);
		NANOS.add(CPU.getCurrentThreadCpuTime() - start);
		BYTES.add(len);
		out.write(b, off, len);
	}

	/** The bytes written so far. */
	public long count() {
		return count;
	}

	/**
	 * The hex SHA-256 of everything written; writes what is buffered first. Call once,
	 * after the last write.
	 */
	public String sha256() {
		try {
			drain();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	/** CPU time spent hashing evidence in this JVM, in nanoseconds. */
	public static long hashingNanos() {
		return NANOS.sum();
	}

	/** Bytes hashed in this JVM. */
	public static long hashedBytes() {
		return BYTES.sum();
	}

}
