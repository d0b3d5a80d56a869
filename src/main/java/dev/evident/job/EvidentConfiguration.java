package dev.evident.job;

import dev.evident.run.Progress;
import javax.sql.DataSource;

import dev.evident.evidence.Gaps;
import dev.evident.evidence.SqlDialect;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Beans shared by every feature: the SQL dialect, progress, and the account thread pool.
 */
@Configuration(proxyBeanMethods = false)
public class EvidentConfiguration {

	@Bean
	SqlDialect sqlDialect(DataSource dataSource) {
		return SqlDialect.of(dataSource);
	}

	@Bean
	Progress progress(Gaps gaps) {
		Progress progress = Progress.forConsole();
		gaps.onRecord(gap -> progress.gap(gap.accountId(), gap.source(), gap.errorCode()));
		return progress;
	}

	/**
	 * The bounded pool that runs the findings chains: {@code --parallelism} threads
	 * (accounts have their own, {@code AccountStepConfiguration.accountWorkers}).
	 */
	@Bean
	TaskExecutor accountTaskExecutor(@Value("${evident.parallelism:4}") int parallelism) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(parallelism);
		executor.setMaxPoolSize(parallelism);
		executor.setQueueCapacity(Integer.MAX_VALUE);
		executor.setThreadNamePrefix("account-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return executor;
	}

}
