package dev.evident.simulator.server;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.ec2.Ec2Client;

import dev.evident.aws.AwsErrors;
import dev.evident.simulator.server.CallLog;
import dev.evident.simulator.Faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The ec2 and REST-XML protocol families, each in one place, decoded by the real SDK
 * clients: a service of either family is its routes and shapes only. Two toy services
 * answer here; the wave-2 services (EC2, CloudFront) will be the same few lines each.
 */
class ProtocolFamiliesTest {

	static final Faults faults = new Faults();

	static SimServer server;

	static Ec2Client ec2;

	static CloudFrontClient cloudFront;

	@BeforeAll
	static void start() {
		Router router = new Router(List.of(new ToyEc2(), new ToyCloudFront()), faults, new CallLog(),
				new SessionStore(), "111111111111", request -> SimResponse.of(404, "text/plain", "none"));
		server = new SimServer(0, 2, router);
		URI endpoint = URI.create("http://127.0.0.1:" + server.port());
		var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret"));
		var once = ClientOverrideConfiguration.builder()
			.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build())
			.build();
		ec2 = Ec2Client.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials)
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration(once)
			.build();
		cloudFront = CloudFrontClient.builder()
			.endpointOverride(endpoint)
			.region(Region.AWS_GLOBAL)
			.credentialsProvider(credentials)
			.httpClientBuilder(ApacheHttpClient.builder())
			.overrideConfiguration(once)
			.build();
	}

	@AfterAll
	static void stop() {
		ec2.close();
		cloudFront.close();
		server.close();
	}

	@AfterEach
	void reset() {
		faults.reset();
	}

	@Test
	void ec2ResultsAreTheResponsesOwnMembers() {
		var regions = ec2.describeRegions().regions();

		assertThat(regions).extracting(software.amazon.awssdk.services.ec2.model.Region::regionName)
			.containsExactly("eu-west-1", "us-east-1");
		assertThat(regions.get(1).optInStatus()).isEqualTo("opt-in-not-required");
	}

	@Test
	void anEc2RefusalIsAPermanentErrorTheCollectorsTurnIntoAGap() {
		AwsServiceException ex = catchThrowableOfType(AwsServiceException.class, () -> ec2.describeVpcs());

		assertThat(ex.statusCode()).isEqualTo(403);
		assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
		assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("You are not authorized to perform this operation.");
		assertThat(AwsErrors.isPermanent(ex)).isTrue();
	}

	@Test
	void ec2ThrottlingIsThrottlingToTheSdk() {
		faults.throttleRate(1.0, 7);

		AwsServiceException ex = catchThrowableOfType(AwsServiceException.class, () -> ec2.describeRegions());

		assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
		assertThat(ex.isThrottlingException()).isTrue();
		assertThat(AwsErrors.isPermanent(ex)).isFalse();
	}

	@Test
	void restXmlRoutesByMethodAndPathAndAnswersThePayload() {
		List<DistributionSummary> items = cloudFront.listDistributions().distributionList().items();

		assertThat(items).extracting(DistributionSummary::id, DistributionSummary::domainName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("E2EXAMPLE", "d111111abcdef8.cloudfront.net"));
		assertThat(cloudFront.getDistribution(b -> b.id("E2EXAMPLE")).distribution().status()).isEqualTo("Deployed");
	}

	@Test
	void aRestXmlErrorKeepsItsCodeStatusAndMessage() {
		AwsServiceException ex = catchThrowableOfType(AwsServiceException.class,
				() -> cloudFront.getDistribution(b -> b.id("ENOSUCH")));

		assertThat(ex.statusCode()).isEqualTo(404);
		assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("NoSuchDistribution");
		assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("The specified distribution does not exist.");
	}

	@Test
	void restXmlThrottlingIsThrottlingToTheSdk() {
		faults.throttleRate(1.0, 7);

		AwsServiceException ex = catchThrowableOfType(AwsServiceException.class, () -> cloudFront.listDistributions());

		assertThat(ex.isThrottlingException()).isTrue();
	}

	/** Routes and shapes only: DescribeRegions, and a DescribeVpcs the caller may not. */
	static final class ToyEc2 implements Service {

		final Ec2Protocol protocol = new Ec2Protocol(Set.of("DescribeRegions", "DescribeVpcs"));

		@Override
		public String name() {
			return "ec2";
		}

		@Override
		public Protocol protocol() {
			return protocol;
		}

		@Override
		public Object handle(Call call) {
			if (call.operation().equals("DescribeVpcs")) {
				throw protocol.failure(403);
			}
			XmlWriter xml = new XmlWriter().start("regionInfo");
			for (String region : List.of("eu-west-1", "us-east-1")) {
				xml.start("item")
					.element("regionName", region)
					.element("regionEndpoint", "ec2." + region + ".amazonaws.com")
					.element("optInStatus", "opt-in-not-required")
					.end();
			}
			return xml.end().toString();
		}

	}

	/** Routes and shapes only: ListDistributions and GetDistribution of one. */
	static final class ToyCloudFront implements Service {

		final RestXmlProtocol protocol = new RestXmlProtocol("http://cloudfront.amazonaws.com/doc/2020-05-31/",
				List.of(new RestXmlProtocol.Route("GET", "/2020-05-31/distribution", "ListDistributions"),
						new RestXmlProtocol.Route("GET", "/2020-05-31/distribution/{Id}", "GetDistribution")));

		@Override
		public String name() {
			return "cloudfront";
		}

		@Override
		public Protocol protocol() {
			return protocol;
		}

		@Override
		public Object handle(Call call) {
			if (call.operation().equals("GetDistribution")) {
				if (!"E2EXAMPLE".equals(call.params().get("Id"))) {
					throw new SimException("NoSuchDistribution", 404, "The specified distribution does not exist.");
				}
				return new XmlWriter().start("Distribution", protocol.namespace())
					.element("Id", "E2EXAMPLE")
					.element("Status", "Deployed")
					.element("DomainName", "d111111abcdef8.cloudfront.net")
					.end()
					.toString();
			}
			return new XmlWriter().start("DistributionList", protocol.namespace())
				.element("Marker", "")
				.element("MaxItems", 100)
				.element("IsTruncated", false)
				.element("Quantity", 1)
				.start("Items")
				.start("DistributionSummary")
				.element("Id", "E2EXAMPLE")
				.element("Status", "Deployed")
				.element("DomainName", "d111111abcdef8.cloudfront.net")
				.end()
				.end()
				.end()
				.toString();
		}

	}

}
