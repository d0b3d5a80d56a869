package dev.evident.job;

import dev.evident.run.EvidentProperties;
import dev.evident.run.Progress;
import javax.sql.DataSource;

import dev.evident.evidence.Gaps;
import dev.evident.evidence.SqlDialect;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans shared by every feature: the SQL dialect and progress.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidentProperties.class)
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

}
