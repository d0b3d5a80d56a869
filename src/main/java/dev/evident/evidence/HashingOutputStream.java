package dev.evident.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hashes (SHA-256) and counts the bytes on their way to the file, so that no evidence
 * file is read back to be hashed. The time spent in the digest is added to
 * {@link #hashingNanos()}, which the job reports and the benchmarks compare with the
 * SHA-256 floor.
 */
public final class HashingOutputStream extends FilterOutputStream {

	private static final LongAdder NANOS = new LongAdder();

	private static final LongAdder BYTES = new LongAdder();

	private final MessageDigest sha = EvidenceFiles.sha256();

	private long count;

	public HashingOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		long start = System.nanoTime();
		sha.update((byte) b);
		NANOS.add(System.nanoTime() - start);
		out.write(b);
		count++;
		BYTES.increment();
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		long start = System.nanoTime();
		sha.update(b, off, len);
		NANOS.add(System.nanoTime() - start);
		out.write(b, off, len);
		count += len;
		BYTES.add(len);
	}

	/** A new file (replaced if it exists), buffered below the digest. */
	public static HashingOutputStream toFile(java.nio.file.Path file) throws IOException {
		return new HashingOutputStream(
				new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16));
	}

	/** The bytes written so far. */
	public long count() {
		return count;
	}

	/** The hex SHA-256 of everything written; call once, after the last write. */
	public String sha256() {
		return HexFormat.of().formatHex(sha.digest());
	}

	/** Time spent hashing evidence in this JVM, in nanoseconds. */
	public static long hashingNanos() {
		return NANOS.sum();
	}

	/** Bytes hashed in this JVM. */
	public static long hashedBytes() {
		return BYTES.sum();
	}

}
