package dev.evident.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Downloads Artifact documents from their presigned URLs with the SDK's own HTTP client,
 * closed with the step. (The JDK's {@code java.net.http} client could not be closed on
 * Java 17: its selector thread stayed in native code until the JVM exited, which then
 * waited for it on every run.)
 */
final class DocumentDownloads implements AutoCloseable {

	private final SdkHttpClient http;

	private final Duration timeout;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "artifact-download-watchdog");
		t.setDaemon(true);
		return t;
	});

	/**
	 * @param timeout the longest a whole download (headers and body) may take
	 */
	DocumentDownloads(Duration timeout) {
		this.http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(30)).build();
		this.timeout = timeout;
	}

	/**
	 * The whole body into {@code target} within the timeout: a read timeout alone would
	 * let a body that trickles block the run.
	 */
	void download(URI url, String id, Path target) throws IOException {
		ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder()
			.request(SdkHttpFullRequest.builder().uri(url).method(SdkHttpMethod.GET).build())
			.build());
		// set before the abort: the read fails as the socket closes, before the abort
		// returns
		AtomicBoolean timedOut = new AtomicBoolean();
		ScheduledFuture<?> deadline = watchdog.schedule(() -> {
			timedOut.set(true);
			call.abort();
		}, timeout.toMillis(), TimeUnit.MILLISECONDS);
		try {
			HttpExecuteResponse response = call.call();
			int status = response.httpResponse().statusCode();
			try (InputStream body = response.responseBody().orElseGet(AbortableInputStream::createEmpty)) {
				if (status != 200) {
					throw new IOException("document download of report " + id + " answered HTTP " + status);
				}
				long size = Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
				String announced = response.httpResponse().firstMatchingHeader("Content-Length").orElse(null);
				if (announced != null && Long.parseLong(announced.trim()) != size) {
					throw new IOException("document download of report " + id + " was cut off after " + size + " of "
							+ announced + " bytes");
				}
			}
		}
		catch (IOException ex) {
			if (timedOut.get()) {
				throw new IOException(
						"document download of report " + id + " did not complete within " + (timeout.toMinutes() > 0
								? timeout.toMinutes() + " minutes" : timeout.toSeconds() + " seconds"),
						ex);
			}
			throw ex;
		}
		finally {
			deadline.cancel(false);
		}
	}

	@Override
	public void close() {
		watchdog.shutdownNow();
		http.close();
	}

}
