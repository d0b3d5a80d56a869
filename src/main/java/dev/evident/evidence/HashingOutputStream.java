package dev.evident.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes (SHA-256) and counts the bytes on their way to the file, so that no evidence
 * file is read back to be hashed. Buffered: bytes are hashed and written in blocks of
 * {@value #BLOCK} bytes.
 */
public final class HashingOutputStream extends FilterOutputStream {

	static final int BLOCK = 1 << 16;

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
		sha.update(b, off, len);
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

}
