package dev.evident.bench;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import dev.evident.evidence.SqlDialect;
import dev.evident.inspector.FindingRow;
import dev.evident.inspector.FindingShortlist;
import dev.evident.inspector.FindingStore;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Stopwatches inside the job for the benchmarks: the CPU time the SDK spends
 * unmarshalling ListFindings responses (the ingest stage of the ListFindings path) and
 * the time spent writing findings to the store (the store stage), summed over threads.
 */
@TestConfiguration(proxyBeanMethods = false)
class Instruments {

	static final LongAdder UNMARSHAL_NANOS = new LongAdder();

	static final LongAdder STORE_NANOS = new LongAdder();

	static final LongAdder STORED_ROWS = new LongAdder();

	static final LongAdder STORE_CPU_NANOS = new LongAdder();

	static void reset() {
		UNMARSHAL_NANOS.reset();
		STORE_NANOS.reset();
		STORED_ROWS.reset();
		STORE_CPU_NANOS.reset();
	}

	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.unmarshal.started");

	@Bean
	ExecutionInterceptor unmarshallingStopwatch() {
		return new ExecutionInterceptor() {
			@Override
			public void beforeUnmarshalling(Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
				attributes.putAttribute(STARTED, CPU.getCurrentThreadCpuTime());
			}

			@Override
			public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
				Long started = attributes.getAttribute(STARTED);
				if (started != null && context.request().getClass().getSimpleName().equals("ListFindingsRequest")) {
					UNMARSHAL_NANOS.add(CPU.getCurrentThreadCpuTime() - started);
				}
			}
		};
	}

	@Bean
	@Primary
	FindingStore timedFindingStore(JdbcTemplate jdbc, SqlDialect dialect, FindingShortlist shortlist) {
		return new FindingStore(jdbc, dialect, shortlist) {
			@Override
			public void upsert(String runId, List<FindingRow> findings) {
				long start = System.nanoTime();
				long cpu = CPU.getCurrentThreadCpuTime();
				super.upsert(runId, findings);
				STORE_CPU_NANOS.add(CPU.getCurrentThreadCpuTime() - cpu);
				STORE_NANOS.add(System.nanoTime() - start);
				STORED_ROWS.add(findings.size());
			}
		};
	}

}
