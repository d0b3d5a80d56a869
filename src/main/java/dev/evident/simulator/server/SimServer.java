package dev.evident.simulator.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server: binds 127.0.0.1 only and serves every request on a bounded thread
 * pool.
 */
public final class SimServer implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(SimServer.class.getName());

	/**
	 * Internal response header (never sent): announce the full Content-Length, send half
	 * of the body and close the connection.
	 */
	public static final String TRUNCATE_HEADER = "x-evident-simulator-truncate";

	private final HttpServer server;

	private final ThreadPoolExecutor executor;

	private final Router router;

	public SimServer(int port, int threads, Router router) {
		this.router = router;
		AtomicInteger n = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
				r -> {
					Thread t = new Thread(r, "evident-simulator-" + n.incrementAndGet());
					t.setDaemon(true);
					return t;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		// Without TCP_NODELAY the JDK server's separate header and body writes meet the
		// client's
		// delayed ACK, and every call waits ~40 ms. The JDK reads this once, before its
		// first server.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
		}
		catch (IOException e) {
			executor.shutdownNow();
			throw new UncheckedIOException("cannot bind simulator to 127.0.0.1:" + port, e);
		}
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			SimResponse response;
			String requestId = UUID.randomUUID().toString();
			try (InputStream in = exchange.getRequestBody()) {
				Map<String, List<String>> headers = new LinkedHashMap<>();
				exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
				var uri = exchange.getRequestURI();
				SimRequest request = new SimRequest(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
						headers, in.readAllBytes(), requestId);
				response = router.route(request);
			}
			catch (RuntimeException e) {
				LOG.log(System.Logger.Level.WARNING, "simulator failed to handle a request: " + e);
				response = SimResponse.of(500, "application/json", "{\"message\":\"simulator internal error\"}")
					.withHeader("x-amzn-ErrorType", "InternalFailure");
			}
			var out = exchange.getResponseHeaders();
			out.set("Content-Type", response.contentType());
			out.set("x-amzn-RequestId", requestId);
			boolean truncate = response.headers().containsKey(TRUNCATE_HEADER);
			boolean streamed = response.stream() != null && !"HEAD".equals(exchange.getRequestMethod());
			response.headers().forEach((k, v) -> {
				if (!k.equals(TRUNCATE_HEADER) && !(streamed && k.equals("Content-Length"))) {
					out.set(k, v);
				}
			});
			if (streamed) {
				// A known length is sent as Content-Length, otherwise length 0: chunked
				// transfer encoding, the body generated as it is sent. A failure while
				// writing closes the connection before the end, so the client sees a
				// truncated body, never a short one that looks whole.
				String length = response.headers().get("Content-Length");
				exchange.sendResponseHeaders(response.status(), length == null ? 0 : Long.parseLong(length));
				try (OutputStream body = exchange.getResponseBody()) {
					response.stream().writeTo(body);
				}
				return;
			}
			boolean empty = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
			exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
			if (truncate && !empty) {
				// Content-Length promises the whole body; half of it arrives, then the
				// handler fails, and the JDK server closes the connection.
				OutputStream body = exchange.getResponseBody();
				body.write(response.body(), 0, response.body().length / 2);
				body.flush();
				throw new IOException("simulated cut-off of a document download");
			}
			if (!empty) {
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(response.body());
				}
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
