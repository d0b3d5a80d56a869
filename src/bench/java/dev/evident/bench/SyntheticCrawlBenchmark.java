package dev.evident.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.evident.simulator.model.FindingSource;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.synthetic.SyntheticSize;
import dev.evident.support.DemoSimulator;
import dev.evident.support.SyntheticSimulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.StringComparison;
import software.amazon.awssdk.services.inspector2.model.StringFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic organization of default size (not part of the default test run;
 * {@code ./mvnw -B -Pbench verify -Dtest=SyntheticCrawlBenchmark}): starts the simulator
 * with 1,000,000 findings, pages through all of them with the real Inspector2 client in
 * {@value #CHAINS} parallel account chains of pages of 100 (as the collector does), and
 * reports the live heap after GC before the start, after the start and after the crawl,
 * with the crawl rate and the bytes per finding. The table goes to
 * target/benchmark/synthetic.md.
 */
@Tag("benchmark")
class SyntheticCrawlBenchmark {

	static final int CHAINS = 10;

	@Test
	void crawlAMillionFindings() throws Exception {
		long before = liveHeap();
		long startedAt = System.nanoTime();
		try (Simulator simulator = SyntheticSimulator.start(SyntheticSize.defaults(), 16)) {
			double startSeconds = (System.nanoTime() - startedAt) / 1e9;
			long started = liveHeap();
			FindingSource source = simulator.organization().findingSource();
			List<String> accounts = simulator.organization()
				.accounts()
				.stream()
				.filter(a -> !a.suspended())
				.map(Account::id)
				.toList();
			AtomicLong bytes = new AtomicLong();
			AtomicLong findings = new AtomicLong();
			AtomicLong pages = new AtomicLong();
			long crawlStart = System.nanoTime();
			long half;
			ExecutorService pool = Executors.newFixedThreadPool(CHAINS);
			try (Inspector2Client inspector = client(simulator, bytes)) {
				crawl(inspector, pool, accounts.subList(0, accounts.size() / 2), pages, findings);
				half = liveHeap();
				crawl(inspector, pool, accounts.subList(accounts.size() / 2, accounts.size()), pages, findings);
			}
			finally {
				pool.shutdown();
			}
			double crawlSeconds = (System.nanoTime() - crawlStart) / 1e9;
			long crawled = liveHeap();
			assertThat(findings.get()).isEqualTo(source.count(null, null, null, null)).isEqualTo(1_000_000);
			assertThat(crawled - before).isLessThan(100L << 20);
			String table = String.join("\n", "| measure | value |", "|---|---|",
					String.format(Locale.ROOT, "| simulator start (500 accounts, 20,000 users) | %.1f s |",
							startSeconds),
					String.format(Locale.ROOT, "| live heap after GC: before start | %.1f MiB |", before / 1048576.0),
					String.format(Locale.ROOT, "| live heap after GC: simulator started | %.1f MiB |",
							started / 1048576.0),
					String.format(Locale.ROOT,
							"| live heap after GC: after paging the first half of the accounts | %.1f MiB |",
							half / 1048576.0),
					String.format(Locale.ROOT, "| live heap after GC: after paging 1,000,000 findings | %.1f MiB |",
							crawled / 1048576.0),
					String.format(Locale.ROOT, "| crawl, %d chains of pages of 100 | %,d findings, %,d pages, %.1f s |",
							CHAINS, findings.get(), pages.get(), crawlSeconds),
					String.format(Locale.ROOT, "| rate | %,.0f findings/s |", findings.get() / crawlSeconds),
					String.format(Locale.ROOT, "| response bytes per finding | %.0f |",
							bytes.get() / (double) findings.get()),
					"");
			System.out.println("\n" + table);
			Path report = Path.of("target/benchmark/synthetic.md");
			Files.createDirectories(report.getParent());
			Files.writeString(report, table);
		}
	}

	/** One ListFindings chain per account, {@value #CHAINS} at a time. */
	private static void crawl(Inspector2Client inspector, ExecutorService pool, List<String> accounts, AtomicLong pages,
			AtomicLong findings) throws Exception {
		List<Future<?>> chains = new ArrayList<>();
		for (String account : accounts) {
			chains.add(pool.submit(() -> inspector
				.listFindingsPaginator(r -> r.maxResults(100)
					.filterCriteria(f -> f.awsAccountId(
							StringFilter.builder().comparison(StringComparison.EQUALS).value(account).build())))
				.forEach(page -> {
					pages.incrementAndGet();
					findings.addAndGet(page.findings().size());
				})));
		}
		for (Future<?> chain : chains) {
			chain.get();
		}
	}

	private static Inspector2Client client(Simulator simulator, AtomicLong bytes) {
		ExecutionInterceptor counter = new ExecutionInterceptor() {
			@Override
			public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
					ExecutionAttributes attributes) {
				return context.responseBody().map(body -> new FilterInputStream(body) {
					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = super.read(buffer, offset, length);
						bytes.addAndGet(Math.max(0, n));
						return n;
					}
				});
			}
		};
		return Inspector2Client.builder()
			.endpointOverride(simulator.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(DemoSimulator.BASE_ACCESS_KEY, "bench")))
			.httpClientBuilder(ApacheHttpClient.builder().maxConnections(CHAINS))
			.overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
			.build();
	}

	private static long liveHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
