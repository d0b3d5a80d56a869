package dev.evident.inspector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

	@Test
	void givesEveryByteInOrderWhateverTheReadSizes() throws Exception {
		// given: 5 MB of random bytes, served in odd pieces
		byte[] content = new byte[5_000_011];
		new Random(7).nextBytes(content);
		Source source = new Source(content, 0, null);

		// when: read in pieces of other odd sizes
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		try (ReadAhead ahead = new ReadAhead(source, null, "test-read-ahead")) {
			byte[] buffer = new byte[12_345];
			int n;
			while ((n = ahead.read(buffer, 0, buffer.length)) >= 0) {
				read.write(buffer, 0, n);
			}
			assertThat(ahead.read()).isEqualTo(-1);
		}

		// then
		assertThat(read.toByteArray()).isEqualTo(content);
	}

	@Test
	void anErrorOfTheSourceIsThrownAfterTheBytesBeforeIt() throws Exception {
		// given: a download that breaks after 1 MB
		byte[] content = new byte[3_000_000];
		Source source = new Source(content, 1_000_000, new IOException("connection reset"));

		// when / then
		try (ReadAhead ahead = new ReadAhead(source, null, "test-read-ahead")) {
			assertThat(ahead.readNBytes(1_000_000)).hasSize(1_000_000);
			assertThatThrownBy(ahead::read).isInstanceOf(IOException.class).hasMessage("connection reset");
		}
	}

	@Test
	void readsAtMostABoundedAmountAheadAndStopsWhenClosed() throws Exception {
		// given: an endless source, and a reader that takes one byte only
		Source endless = new Source(null, 0, null);
		ReadAhead ahead = new ReadAhead(endless, null, "test-read-ahead-bounded");
		assertThat(ahead.read()).isZero();
		long bound = (long) (ReadAhead.BLOCKS + 3) * ReadAhead.BLOCK_SIZE;

		// then: once its blocks are full, its thread waits, having read a bounded amount
		Thread thread = awaitWaiting("test-read-ahead-bounded");
		long served = endless.served.get();
		assertThat(served).as("read ahead").isGreaterThanOrEqualTo((long) ReadAhead.BLOCK_SIZE);
		assertThat(served).isLessThanOrEqualTo(bound);

		// when: closed while its thread waits
		ahead.close();

		// then: the thread has ended, having read nothing more
		assertThat(thread.isAlive()).isFalse();
		assertThat(endless.served.get()).isEqualTo(served);
	}

	/** The named thread, once it waits (parked, not reading); fails after 10 s. */
	private static Thread awaitWaiting(String name) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (thread.getName().equals(name) && (thread.getState() == Thread.State.WAITING
						|| thread.getState() == Thread.State.TIMED_WAITING)) {
					return thread;
				}
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("thread " + name + " never waited");
	}

	/** Serves {@code content} (endless zeros if null), failing at {@code failAt}. */
	private static final class Source extends InputStream {

		final AtomicLong served = new AtomicLong();

		private final byte[] content;

		private final int failAt;

		private final IOException failure;

		private int position;

		Source(byte[] content, int failAt, IOException failure) {
			this.content = content;
			this.failAt = failAt;
			this.failure = failure;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (failure != null && position >= failAt) {
				throw failure;
			}
			int n = Math.min(len, 7_919);
			if (content != null) {
				if (position == content.length) {
					return -1;
				}
				n = Math.min(n, content.length - position);
				if (failure != null) {
					n = Math.min(n, failAt - position);
				}
				System.arraycopy(content, position, b, off, n);
			}
			position += n;
			served.addAndGet(n);
			return n;
		}

	}

}
