package dev.evident.job;

import java.util.List;

import javax.sql.DataSource;

import dev.evident.aws.AwsClientConfigurer;
import dev.evident.aws.AwsProperties;
import dev.evident.evidence.SqlDialect;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Beans shared by every feature: the AWS client configurer, the SQL dialect, progress, threads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
public class EvidentConfiguration {

	@Bean(destroyMethod = "close")
	AwsClientConfigurer awsClientConfigurer(AwsProperties properties, List<ExecutionInterceptor> interceptors,
			@Value("${evident.parallelism:4}") int parallelism) {
		return new AwsClientConfigurer(properties, interceptors, parallelism * 4);
	}

	@Bean
	SqlDialect sqlDialect(DataSource dataSource) {
		return SqlDialect.of(dataSource);
	}

	@Bean
	Progress progress() {
		return Progress.forConsole();
	}

	/** The bounded pool that runs account partitions: {@code --parallelism} threads. */
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
