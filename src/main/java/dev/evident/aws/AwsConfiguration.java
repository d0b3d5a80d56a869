package dev.evident.aws;

import dev.evident.run.EvidentProperties;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The shared AWS client configurer, closed with the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
public class AwsConfiguration {

	@Bean(destroyMethod = "close")
	AwsClientConfigurer awsClientConfigurer(AwsProperties properties, List<ExecutionInterceptor> interceptors,
			EvidentProperties settings) {
		return new AwsClientConfigurer(properties, interceptors, settings.parallelism());
	}

	@Bean(destroyMethod = "close")
	AccountSessions accountSessions(AwsClientConfigurer aws) {
		return new AccountSessions(aws);
	}

}
