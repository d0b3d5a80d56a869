package dev.evident.aws;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that lets at most {@code slots} requests wait for their response at
 * once, whichever thread sends them: {@code --parallelism} bounds the requests in flight
 * to AWS, not the threads. A thread holds a slot only while its request is on the wire;
 * the SDK's backoff between attempts, and the work between calls (parsing, storing,
 * client set-up), leave the slot to another thread. The slot is released once the
 * response's status and headers arrived; a streamed body is read without one.
 */
final class RequestSlots implements SdkHttpClient {

	private final SdkHttpClient delegate;

	private final Semaphore slots;

	RequestSlots(SdkHttpClient delegate, int slots) {
		if (slots < 1) {
			throw new IllegalArgumentException("at least one request slot is needed: " + slots);
		}
		this.delegate = delegate;
		this.slots = new Semaphore(slots);
	}

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		ExecutableHttpRequest prepared = delegate.prepareRequest(request);
		return new ExecutableHttpRequest() {

			@Override
			public HttpExecuteResponse call() throws IOException {
				try {
					slots.acquire();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("interrupted while waiting for a request slot");
				}
				try {
					return prepared.call();
				}
				finally {
					slots.release();
				}
			}

			@Override
			public void abort() {
				prepared.abort();
			}

		};
	}

	/** Slots free at this moment. */
	int available() {
		return slots.availablePermits();
	}

	@Override
	public String clientName() {
		return delegate.clientName();
	}

	@Override
	public void close() {
		delegate.close();
	}

}
