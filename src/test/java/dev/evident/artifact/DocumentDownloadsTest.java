package dev.evident.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Document downloads against an HTTP server on loopback. */
class DocumentDownloadsTest {

	private static final byte[] DOCUMENT = "%PDF-1.7 a document".repeat(1000).getBytes();

	private final CountDownLatch released = new CountDownLatch(1);

	private HttpServer server;

	@TempDir
	Path dir;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/whole", exchange -> {
			exchange.sendResponseHeaders(200, DOCUMENT.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(DOCUMENT);
			}
		});
		server.createContext("/stalls", exchange -> {
			// half the body, then nothing until the test ends
			exchange.sendResponseHeaders(200, DOCUMENT.length);
			OutputStream out = exchange.getResponseBody();
			out.write(DOCUMENT, 0, DOCUMENT.length / 2);
			out.flush();
			try {
				released.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		server.createContext("/denied", exchange -> {
			exchange.sendResponseHeaders(403, -1);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
	}

	@AfterEach
	void stop() {
		released.countDown();
		server.stop(0);
	}

	@Test
	void aDocumentIsDownloadedWhole() throws IOException {
		Path target = dir.resolve("doc.pdf");
		try (DocumentDownloads downloads = new DocumentDownloads(Duration.ofSeconds(10))) {
			downloads.download(url("/whole"), "report-1", target);
		}
		assertThat(Files.readAllBytes(target)).isEqualTo(DOCUMENT);
	}

	@Test
	void aBodyThatStallsEndsAtTheTimeoutWithAClearError() {
		Path target = dir.resolve("doc.pdf");
		long started = System.nanoTime();
		try (DocumentDownloads downloads = new DocumentDownloads(Duration.ofSeconds(1))) {
			assertThatThrownBy(() -> downloads.download(url("/stalls"), "report-2", target))
				.isInstanceOf(IOException.class)
				.hasMessage("document download of report report-2 did not complete within 1 seconds");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aRefusalNamesTheStatus() {
		try (DocumentDownloads downloads = new DocumentDownloads(Duration.ofSeconds(10))) {
			assertThatThrownBy(() -> downloads.download(url("/denied"), "report-3", dir.resolve("doc.pdf")))
				.isInstanceOf(IOException.class)
				.hasMessage("document download of report report-3 answered HTTP 403");
		}
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

}
