package dev.evident.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.FindingRow;
import dev.evident.inspector.FindingShortlist;
import dev.evident.inspector.FindingsChainReader;
import dev.evident.inspector.FindingsItem;
import dev.evident.inspector.FindingStore;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.inspector2.model.CreateFindingsReportRequest;
import software.amazon.awssdk.services.inspector2.model.ExternalReportStatus;
import software.amazon.awssdk.services.inspector2.model.GetFindingsReportStatusResponse;

/**
 * Stopwatches around the job for the benchmarks, from beans the tests add or wrap (the
 * tool carries no counter): the CPU time the SDK spends unmarshalling ListFindings
 * responses (the ingest stage of the ListFindings path), the CPU time of the findings
 * chains' reads (the ingest stage of the findings report path), the time spent writing
 * findings to the store (the store stage), summed over threads; and, installed with them,
 * the {@link DigestMeter}.
 */
@TestConfiguration(proxyBeanMethods = false)
class Instruments {

	static final LongAdder UNMARSHAL_NANOS = new LongAdder();

	static final LongAdder STORE_NANOS = new LongAdder();

	static final LongAdder STORED_ROWS = new LongAdder();

	static final LongAdder STORE_CPU_NANOS = new LongAdder();

	/**
	 * CPU time in the findings chains' {@code read()}, on the chains' threads: for a
	 * findings report, asking for it, parsing it and mapping its findings to rows; the
	 * download, and its copy into the package with the hashing, run on the read-ahead
	 * thread and are not in it.
	 */
	static final LongAdder READ_CPU_NANOS = new LongAdder();

	static {
		DigestMeter.install();
	}

	/** When the first findings report was asked for (System.nanoTime). */
	static final AtomicLong REPORT_ASKED = new AtomicLong(Long.MAX_VALUE);

	/** When the last findings report was seen ready. */
	static final AtomicLong REPORT_READY = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Seconds from asking for the first findings report to seeing the last one ready: the
	 * simulator writing it, and the polling; 0 on the ListFindings path.
	 */
	static double reportWait() {
		long asked = REPORT_ASKED.get();
		long ready = REPORT_READY.get();
		return asked == Long.MAX_VALUE || ready < asked ? 0 : (ready - asked) / 1e9;
	}

	static void reset() {
		REPORT_ASKED.set(Long.MAX_VALUE);
		REPORT_READY.set(Long.MIN_VALUE);
		UNMARSHAL_NANOS.reset();
		STORE_NANOS.reset();
		STORED_ROWS.reset();
		STORE_CPU_NANOS.reset();
		READ_CPU_NANOS.reset();
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
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof CreateFindingsReportRequest) {
					REPORT_ASKED.accumulateAndGet(System.nanoTime(), Math::min);
				}
			}

			@Override
			public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
				if (context.response() instanceof GetFindingsReportStatusResponse status
						&& status.status() != ExternalReportStatus.IN_PROGRESS) {
					REPORT_READY.accumulateAndGet(System.nanoTime(), Math::max);
				}
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

	/** Wraps each findings chain's reader (the step-scoped target) in a stopwatch. */
	@Bean
	static BeanPostProcessor findingsReaderStopwatch() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!name.equals("scopedTarget.findingsReader") || !(bean instanceof FindingsChainReader reader)) {
					return bean;
				}
				return new FindingsChainReader(new ItemStreamReader<FindingsItem>() {
					@Override
					public FindingsItem read() throws Exception {
						long start = CPU.getCurrentThreadCpuTime();
						try {
							return reader.read();
						}
						finally {
							READ_CPU_NANOS.add(CPU.getCurrentThreadCpuTime() - start);
						}
					}

					@Override
					public void open(ExecutionContext context) {
						reader.open(context);
					}

					@Override
					public void update(ExecutionContext context) {
						reader.update(context);
					}

					@Override
					public void close() {
						reader.close();
					}
				});
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
