package dev.evident.aws;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
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
			@Value("${evident.parallelism:4}") int parallelism) {
		return new AwsClientConfigurer(properties, interceptors, parallelism);
	}

	@Bean(destroyMethod = "close")
	AccountSessions accountSessions(AwsClientConfigurer aws) {
		return new AccountSessions(aws);
	}

}
