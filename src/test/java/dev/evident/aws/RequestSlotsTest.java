package dev.evident.aws;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --parallelism} bounds the requests in flight, however many threads send. */
class RequestSlotsTest {

	static final HttpExecuteRequest REQUEST = HttpExecuteRequest.builder()
		.request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create("http://127.0.0.1/")).build())
		.build();

	/**
	 * Answers after a few milliseconds and remembers the most requests it saw at once.
	 */
	static class SlowServer implements SdkHttpClient {

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger most = new AtomicInteger();

		final AtomicInteger calls = new AtomicInteger();

		volatile boolean fail;

		@Override
		public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
			return new ExecutableHttpRequest() {

				@Override
				public HttpExecuteResponse call() throws IOException {
					most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
					calls.incrementAndGet();
					try {
						Thread.sleep(5);
						if (fail) {
							throw new IOException("connection reset");
						}
						return HttpExecuteResponse.builder()
							.response(SdkHttpResponse.builder().statusCode(200).build())
							.build();
					}
					catch (InterruptedException ex) {
						throw new IOException(ex);
					}
					finally {
						inFlight.decrementAndGet();
					}
				}

				@Override
				public void abort() {
				}

			};
		}

		@Override
		public void close() {
		}

	}

	@Test
	void twelveThreadsNeverHaveMoreThanThreeRequestsInFlight() throws Exception {
		SlowServer server = new SlowServer();
		RequestSlots slots = new RequestSlots(server, 3);

		send(slots, 12, 10);

		assertThat(server.calls).hasValue(120);
		assertThat(server.most.get()).isBetween(2, 3);
	}

	@Test
	void aFailedRequestGivesItsSlotBack() {
		SlowServer server = new SlowServer();
		RequestSlots slots = new RequestSlots(server, 2);
		server.fail = true;

		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> slots.prepareRequest(REQUEST).call()).isInstanceOf(IOException.class);
		}

		assertThat(server.calls).hasValue(3);
		assertThat(slots.available()).isEqualTo(2);
	}

	private static void send(RequestSlots slots, int threads, int callsEach) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					for (int i = 0; i < callsEach; i++) {
						slots.prepareRequest(REQUEST).call();
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
