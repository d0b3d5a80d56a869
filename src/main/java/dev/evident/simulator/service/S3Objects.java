package dev.evident.simulator.service;

import dev.evident.simulator.server.SimResponse.Streamed;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's S3 objects, written by other services (Inspector's findings reports).
 * An object keeps how to generate its bytes, not the bytes: a report of a million
 * findings is rendered again, identically, on every read.
 */
public final class S3Objects implements AutoCloseable {

	private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

	private final java.util.concurrent.ExecutorService spooler = java.util.concurrent.Executors
		.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "simulator-s3-spool");
			t.setDaemon(true);
			return t;
		});

	private final java.util.concurrent.ExecutorService flusher = java.util.concurrent.Executors
		.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "simulator-s3-flush");
			t.setDaemon(true);
			return t;
		});

	private java.nio.file.Path spoolDir;

	/**
	 * Starts writing the object's content to a file in the background, as S3 holds an
	 * object at rest; the future gives the object read from that file (with its length),
	 * to {@link #put} when it is to appear. The file is flushed to disk as it is written
	 * ({@link AtRest}): S3 keeps its objects on its own disks, not as dirty pages in the
	 * client machine's cache, where they would slow the client's own writes.
	 */
	public java.util.concurrent.Future<StoredObject> spool(StoredObject object) {
		return spooler.submit(() -> {
			java.nio.file.Path file = java.nio.file.Files.createTempFile(spoolDir(), "object-", ".bin");
			long size;
			try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
					java.nio.file.StandardOpenOption.WRITE)) {
				AtRest counted = new AtRest(
						new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16),
						channel, flusher);
				object.content().writeTo(counted);
				counted.flush();
				counted.awaitFlushes();
				channel.force(false);
				size = counted.count;
			}
			return new StoredObject(object.bucket(), object.key(), object.contentType(), object.kmsKeyArn(),
					object.etag(), object.lastModified(), out -> java.nio.file.Files.copy(file, out),
					new AtomicLong(size), file);
		});
	}

	private synchronized java.nio.file.Path spoolDir() throws java.io.IOException {
		if (spoolDir == null) {
			spoolDir = java.nio.file.Files.createTempDirectory("evident-simulator-s3");
		}
		return spoolDir;
	}

	/** Stops spooling and deletes the spooled objects. */
	@Override
	public synchronized void close() {
		spooler.shutdownNow();
		flusher.shutdownNow();
		if (spoolDir != null) {
			try (var files = java.nio.file.Files.list(spoolDir)) {
				for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
					java.nio.file.Files.deleteIfExists(f);
				}
				java.nio.file.Files.deleteIfExists(spoolDir);
			}
			catch (java.io.IOException ex) {
				// best effort: a temporary directory
			}
		}
	}

	/**
	 * Counts what is written and, every {@value #FLUSH_BYTES} bytes, has the flusher
	 * thread force the file to disk while writing goes on (one flush at a time).
	 */
	private static final class AtRest extends java.io.FilterOutputStream {

		static final long FLUSH_BYTES = 64L << 20;

		private final java.nio.channels.FileChannel channel;

		private final java.util.concurrent.ExecutorService flusher;

		private java.util.concurrent.Future<?> flushing = java.util.concurrent.CompletableFuture.completedFuture(null);

		long count;

		private long flushedAt;

		AtRest(java.io.OutputStream out, java.nio.channels.FileChannel channel,
				java.util.concurrent.ExecutorService flusher) {
			super(out);
			this.channel = channel;
			this.flusher = flusher;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			out.write(b);
			count++;
			written();
		}

		@Override
		public void write(byte[] b, int off, int len) throws java.io.IOException {
			out.write(b, off, len);
			count += len;
			written();
		}

		private void written() {
			if (count - flushedAt >= FLUSH_BYTES && flushing.isDone()) {
				flushedAt = count;
				flushing = flusher.submit(() -> {
					channel.force(false);
					return null;
				});
			}
		}

		void awaitFlushes() throws Exception {
			flushing.get();
		}

	}

	public void put(StoredObject object) {
		objects.put(object.bucket() + "/" + object.key(), object);
	}

	/** The object, or null. */
	public StoredObject get(String bucket, String key) {
		return objects.get(bucket + "/" + key);
	}

	/**
	 * One object: encrypted with a KMS key (as Inspector writes reports), its content
	 * generated on each read.
	 *
	 * @param size the length once known (after a first complete read), else -1
	 * @param file where a spooled object's bytes are, else null (generated on each read)
	 */
	public record StoredObject(String bucket, String key, String contentType, String kmsKeyArn, String etag,
			Instant lastModified, Streamed content, AtomicLong size, java.nio.file.Path file) {

		public StoredObject(String bucket, String key, String contentType, String kmsKeyArn, String etag,
				Instant lastModified, Streamed content) {
			this(bucket, key, contentType, kmsKeyArn, etag, lastModified, content, new AtomicLong(-1), null);
		}

	}

}
