package dev.evident.inspector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.evident.aws.AccountCredentials;
import dev.evident.aws.AwsClientConfigurer;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.inspector2.Inspector2Client;

/**
 * Inspector2 clients of the administrator account, one per region, closed together. The
 * credentials belong to the run's shared sessions and stay open.
 */
public final class InspectorSession implements AutoCloseable {

	private final AwsClientConfigurer aws;

	private final AccountCredentials credentials;

	private final Map<String, Inspector2Client> clients = new ConcurrentHashMap<>();

	public InspectorSession(AwsClientConfigurer aws, AccountCredentials credentials) {
		this.aws = aws;
		this.credentials = credentials;
	}

	public AccountCredentials credentials() {
		return credentials;
	}

	public Inspector2Client client(String region) {
		return clients.computeIfAbsent(region,
				r -> aws.build(Inspector2Client.builder(), credentials.provider(), Region.of(r)));
	}

	@Override
	public void close() {
		clients.values().forEach(Inspector2Client::close);
		clients.clear();
	}

}
