package dev.evident.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.InvalidArgumentException;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.Origin;

import java.util.ArrayList;
import java.util.List;

import static dev.evident.simulator.DemoEdge.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo organization's CloudFront distributions through the real client and its
 * paginator (pages of one), every member the model requires, a global service whatever
 * region the client signs for.
 */
class SimulatorCloudFrontTest {

	static Simulator sim;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withReferenceInstant(SimulatorIamStsTest.REFERENCE)
			.withThreads(4));
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@AfterEach
	void reset() {
		Faults.of(sim).reset();
	}

	static CloudFrontClient cloudFront(String accountId, Region region) {
		var credentials = accountId.equals(sim.managementAccountId()) ? SdkClients.BASE
				: SdkClients.assume(sim, accountId, "EvidentAuditRole");
		return SdkClients.build(CloudFrontClient.builder(), sim, credentials, region, 1);
	}

	@Test
	void theWebAccountHasAProtectedAndAnUnprotectedDistribution() {
		try (CloudFrontClient cf = cloudFront(WEB, Region.AWS_GLOBAL)) {
			// the Java SDK has no paginator for ListDistributions: Marker and MaxItems by
			// hand
			List<ListDistributionsResponse> pages = pages(cf, "1");
			assertThat(pages).hasSize(2);
			DistributionList first = pages.get(0).distributionList();
			assertThat(first.marker()).isEmpty();
			assertThat(first.isTruncated()).isTrue();
			assertThat(first.nextMarker()).isEqualTo(DemoEdge.D_WEB);
			assertThat(first.maxItems()).isEqualTo(1);
			assertThat(first.quantity()).isEqualTo(1);
			DistributionList second = pages.get(1).distributionList();
			assertThat(second.marker()).isEqualTo(DemoEdge.D_WEB);
			assertThat(second.isTruncated()).isFalse();
			assertThat(second.nextMarker()).isNull();
			List<DistributionSummary> all = pages.stream().flatMap(p -> p.distributionList().items().stream()).toList();
			assertThat(all)
				.extracting(DistributionSummary::id, DistributionSummary::comment, DistributionSummary::webACLId)
				.containsExactly(tuple(DemoEdge.D_WEB, "d-web", DemoEdge.EDGE_PROTECTION),
						tuple(DemoEdge.D_ASSETS, "d-assets", ""));

			DistributionSummary web = all.get(0);
			assertThat(web.arn()).isEqualTo("arn:aws:cloudfront::555555555555:distribution/" + DemoEdge.D_WEB);
			assertThat(web.status()).isEqualTo("Deployed");
			assertThat(web.enabled()).isTrue();
			assertThat(web.domainName()).matches("d[0-9a-f]{13}\\.cloudfront\\.net");
			assertThat(web.lastModifiedTime()).isBefore(SimulatorIamStsTest.REFERENCE);
			assertThat(web.aliases().quantity()).isEqualTo(1);
			assertThat(web.aliases().items()).containsExactly("www.example.com");
			Origin origin = web.origins().items().get(0);
			assertThat(web.origins().quantity()).isEqualTo(1);
			assertThat(origin.domainName()).isEqualTo(DemoEdge.WEB_PUBLIC_DNS);
			assertThat(origin.id()).isEqualTo(DemoEdge.WEB_PUBLIC_DNS);
			assertThat(origin.customOriginConfig().originProtocolPolicyAsString()).isEqualTo("https-only");
			assertThat(origin.customOriginConfig().originSslProtocols().itemsAsStrings()).containsExactly("TLSv1.2");
			assertThat(origin.s3OriginConfig()).isNull();
			assertThat(web.defaultCacheBehavior().viewerProtocolPolicyAsString()).isEqualTo("redirect-to-https");
			assertThat(web.defaultCacheBehavior().targetOriginId()).isEqualTo(origin.id());
			assertThat(web.defaultCacheBehavior().allowedMethods().itemsAsStrings()).containsExactly("HEAD", "GET");
			assertThat(web.defaultCacheBehavior().trustedSigners().enabled()).isFalse();
			assertThat(web.cacheBehaviors().quantity()).isZero();
			assertThat(web.customErrorResponses().quantity()).isZero();
			assertThat(web.originGroups().quantity()).isZero();
			assertThat(web.priceClassAsString()).isEqualTo("PriceClass_All");
			assertThat(web.viewerCertificate().cloudFrontDefaultCertificate()).isFalse();
			assertThat(web.viewerCertificate().acmCertificateArn())
				.matches("arn:aws:acm:us-east-1:555555555555:certificate/[0-9a-f-]{36}");
			assertThat(web.viewerCertificate().sslSupportMethodAsString()).isEqualTo("sni-only");
			assertThat(web.viewerCertificate().minimumProtocolVersionAsString()).isEqualTo("TLSv1.2_2021");
			assertThat(web.restrictions().geoRestriction().restrictionTypeAsString()).isEqualTo("none");
			assertThat(web.restrictions().geoRestriction().quantity()).isZero();
			assertThat(web.httpVersionAsString()).isEqualTo("http2");
			assertThat(web.isIPV6Enabled()).isTrue();
			assertThat(web.staging()).isFalse();

			DistributionSummary assets = all.get(1);
			assertThat(assets.arn()).isEqualTo("arn:aws:cloudfront::555555555555:distribution/" + DemoEdge.D_ASSETS);
			assertThat(assets.webACLId()).isEmpty();
			assertThat(assets.enabled()).isTrue();
			assertThat(assets.aliases().quantity()).isZero();
			assertThat(assets.aliases().items()).isEmpty();
			assertThat(assets.defaultCacheBehavior().viewerProtocolPolicyAsString()).isEqualTo("allow-all");
			assertThat(assets.origins().items().get(0).domainName())
				.isEqualTo("web-assets-555555555555.s3.us-east-1.amazonaws.com");
			assertThat(assets.origins().items().get(0).s3OriginConfig().originAccessIdentity()).isEmpty();
			assertThat(assets.origins().items().get(0).customOriginConfig()).isNull();
			assertThat(assets.viewerCertificate().cloudFrontDefaultCertificate()).isTrue();
			assertThat(assets.viewerCertificate().minimumProtocolVersionAsString()).isEqualTo("TLSv1");
		}
	}

	/** Every page, following NextMarker while IsTruncated. */
	static List<ListDistributionsResponse> pages(CloudFrontClient cf, String maxItems) {
		List<ListDistributionsResponse> pages = new ArrayList<>();
		String marker = null;
		do {
			String from = marker;
			ListDistributionsResponse page = cf.listDistributions(r -> r.marker(from).maxItems(maxItems));
			pages.add(page);
			marker = page.distributionList().isTruncated() ? page.distributionList().nextMarker() : null;
		}
		while (marker != null);
		return pages;
	}

	@Test
	void aGlobalServiceAnswersTheSameWhateverRegionTheClientSignsFor() {
		for (Region region : List.of(Region.US_EAST_1, Region.EU_WEST_1, Region.AP_EAST_1)) {
			try (CloudFrontClient cf = cloudFront(WEB, region)) {
				assertThat(cf.listDistributions().distributionList().items()).extracting(DistributionSummary::id)
					.containsExactly(DemoEdge.D_WEB, DemoEdge.D_ASSETS);
			}
		}
	}

	@Test
	void otherAccountsHaveNoDistributions() {
		for (String account : List.of("111111111111", DemoEdge.PAYMENTS, "666666666666")) {
			try (CloudFrontClient cf = cloudFront(account, Region.AWS_GLOBAL)) {
				DistributionList list = cf.listDistributions().distributionList();
				assertThat(list.quantity()).isZero();
				assertThat(list.items()).isEmpty();
				assertThat(list.isTruncated()).isFalse();
				assertThat(list.maxItems()).isEqualTo(100);
			}
		}
	}

	@Test
	void maxItemsMustBeANumberFrom1To1000() {
		try (CloudFrontClient cf = cloudFront(WEB, Region.AWS_GLOBAL)) {
			for (String max : List.of("0", "1001", "ten")) {
				InvalidArgumentException e = catchThrowableOfType(InvalidArgumentException.class,
						() -> cf.listDistributions(r -> r.maxItems(max)));
				assertThat(e.statusCode()).isEqualTo(400);
				assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
			}
			assertThat(cf.listDistributions(r -> r.marker(DemoEdge.D_ASSETS)).distributionList().quantity()).isZero();
		}
	}

	@Test
	void faultsReachCloudFrontAsTheyReachEveryService() {
		try (CloudFrontClient cf = cloudFront(WEB, Region.AWS_GLOBAL)) {
			Faults.of(sim).throttleRate(1.0, 7);
			CloudFrontException throttled = catchThrowableOfType(CloudFrontException.class, cf::listDistributions);
			assertThat(throttled.isThrottlingException()).isTrue();
			Faults.of(sim).reset().failOperation("cloudfront:ListDistributions", 0, 503);
			assertThat(catchThrowableOfType(CloudFrontException.class, cf::listDistributions).statusCode())
				.isEqualTo(503);
			Faults.of(sim).reset().pageSizeLimit(1);
			assertThat(pages(cf, null)).hasSize(2);
			Faults.of(sim).reset().expireCredentialsAfterCalls(0);
			assertThat(catchThrowableOfType(CloudFrontException.class, cf::listDistributions).awsErrorDetails()
				.errorCode()).isEqualTo("ExpiredTokenException");
		}
	}

}
