package dev.evident.inspector;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream that a thread of its own reads ahead: for a findings report, the
 * download and the evidence copy it is kept in (with its hash) go on while the step
 * parses and stores what came before. At most {@value #BLOCKS} blocks of
 * {@value #BLOCK_SIZE} bytes wait, so memory stays bounded whatever the report's size.
 * Whatever the reading thread meets (an I/O error, an SDK exception) is thrown by the
 * read that reaches it, after the bytes read before it.
 */
final class ReadAhead extends InputStream {

	static final int BLOCK_SIZE = 1 << 18;

	static final int BLOCKS = 16;

	private static final Block END = new Block(new byte[0], 0);

	private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS);

	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS + 2);

	private final Thread thread;

	private final OutputStream copy;

	private volatile boolean closed;

	private volatile Throwable failure;

	private int allocated;

	private Block current;

	private int position;

	private boolean ended;

	/**
	 * @param copy where every block read is written before the step reads it (the
	 * evidence copy, hashed), or null
	 */
	ReadAhead(InputStream source, OutputStream copy, String threadName) {
		this.copy = copy;
		this.thread = new Thread(() -> fill(source), threadName);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void fill(InputStream source) {
		try {
			while (!closed) {
				byte[] buffer = buffer();
				int n = 0;
				int r = 0;
				try {
					while (n < buffer.length && (r = source.read(buffer, n, buffer.length - n)) >= 0) {
						n += r;
					}
				}
				finally {
					// the bytes before an error are read before it
					if (n > 0) {
						if (copy != null) {
							copy.write(buffer, 0, n);
						}
						put(new Block(buffer, n));
					}
				}
				if (r < 0) {
					break;
				}
			}
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finally {
			try {
				put(END);
			}
			catch (InterruptedException ex) {
				// closed: nobody waits for the end
			}
		}
	}

	/** A free buffer, allocated while fewer than the queues hold exist. */
	private byte[] buffer() throws InterruptedException {
		byte[] buffer = free.poll();
		if (buffer != null) {
			return buffer;
		}
		if (allocated < BLOCKS + 2) {
			allocated++;
			return new byte[BLOCK_SIZE];
		}
		return free.take();
	}

	private void put(Block block) throws InterruptedException {
		while (!closed) {
			if (full.offer(block, 100, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
		throw new InterruptedException("closed");
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		if (current == null && !next()) {
			return -1;
		}
		int n = Math.min(len, current.length() - position);
		System.arraycopy(current.bytes(), position, b, off, n);
		position += n;
		if (position == current.length()) {
			free.offer(current.bytes());
			current = null;
		}
		return n;
	}

	private boolean next() throws IOException {
		if (ended) {
			return false;
		}
		Block block;
		try {
			block = full.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while reading ahead");
		}
		if (block != END) {
			current = block;
			position = 0;
			return true;
		}
		ended = true;
		Throwable ex = failure;
		if (ex instanceof IOException io) {
			throw io;
		}
		if (ex instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (ex instanceof Error error) {
			throw error;
		}
		if (ex != null) {
			throw new IOException(ex);
		}
		return false;
	}

	/**
	 * Waits for the reading thread to end, after the last byte was read: the copy is then
	 * complete.
	 */
	void awaitEnd() {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops the reading thread and waits for it to end, so that nothing it reads into (an
	 * evidence copy) is written after this returns. Close the source first if a read from
	 * it may block (abort a download).
	 */
	@Override
	public void close() {
		closed = true;
		thread.interrupt();
		full.clear();
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Block(byte[] bytes, int length) {
	}

}
