package dev.evident.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.shield.ShieldClient;
import software.amazon.awssdk.services.shield.model.DescribeDrtAccessResponse;
import software.amazon.awssdk.services.shield.model.InvalidPaginationTokenException;
import software.amazon.awssdk.services.shield.model.ListProtectionsResponse;
import software.amazon.awssdk.services.shield.model.Protection;
import software.amazon.awssdk.services.shield.model.ResourceNotFoundException;
import software.amazon.awssdk.services.shield.model.ShieldException;
import software.amazon.awssdk.services.shield.model.Subscription;
import software.amazon.awssdk.services.shield.model.SubscriptionState;

import java.time.Duration;
import java.util.List;

import static dev.evident.simulator.DemoEdge.PAYMENTS;
import static dev.evident.simulator.DemoEdge.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo organization's Shield Advanced subscriptions through the real client and its
 * paginator (pages of one): payments subscribed with auto-renewal, proactive engagement
 * and DRT access, web without auto-renewal, everyone else unsubscribed.
 */
class SimulatorShieldTest {

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

	static ShieldClient shield(String accountId) {
		var credentials = accountId.equals(sim.managementAccountId()) ? SdkClients.BASE
				: SdkClients.assume(sim, accountId, "EvidentAuditRole");
		return SdkClients.build(ShieldClient.builder(), sim, credentials, Region.US_EAST_1, 1);
	}

	@Test
	void paymentsIsSubscribedWithAutoRenewProactiveEngagementAndDrtAccess() {
		try (ShieldClient shield = shield(PAYMENTS)) {
			assertThat(shield.getSubscriptionState(r -> {
			}).subscriptionState()).isEqualTo(SubscriptionState.ACTIVE);
			Subscription s = shield.describeSubscription(r -> {
			}).subscription();
			assertThat(s.autoRenewAsString()).isEqualTo("ENABLED");
			assertThat(s.proactiveEngagementStatusAsString()).isEqualTo("ENABLED");
			assertThat(s.timeCommitmentInSeconds()).isEqualTo(31_536_000L);
			assertThat(s.startTime()).isBefore(SimulatorIamStsTest.REFERENCE.minus(Duration.ofDays(199)));
			assertThat(Duration.between(s.startTime(), s.endTime())).isEqualTo(Duration.ofDays(365));
			assertThat(s.subscriptionArn()).matches("arn:aws:shield::444444444444:subscription/[0-9a-f]{12}");
			assertThat(s.subscriptionLimits().protectionLimits().protectedResourceTypeLimits())
				.extracting(l -> l.type(), l -> l.max())
				.containsExactly(tuple("ELASTIC_IP_ADDRESS", 100L), tuple("APPLICATION_LOAD_BALANCER", 50L));
			assertThat(s.subscriptionLimits().protectionGroupLimits().maxProtectionGroups()).isEqualTo(20L);
			assertThat(s.subscriptionLimits()
				.protectionGroupLimits()
				.patternTypeLimits()
				.arbitraryPatternLimits()
				.maxMembers()).isEqualTo(10_000L);

			List<ListProtectionsResponse> pages = shield.listProtectionsPaginator(r -> r.maxResults(1))
				.stream()
				.toList();
			assertThat(pages).hasSize(3);
			assertThat(pages.get(2).nextToken()).isNull();
			List<Protection> protections = pages.stream().flatMap(p -> p.protections().stream()).toList();
			assertThat(protections).extracting(Protection::id, Protection::name, Protection::resourceArn)
				.containsExactly(tuple(DemoEdge.PAYMENTS_API_PROTECTION, "payments-api", DemoEdge.PAYMENTS_API),
						tuple(DemoEdge.PAYMENTS_NLB_PROTECTION_A, "payments-nlb-us-east-1a",
								"arn:aws:ec2:us-east-1:444444444444:eip-allocation/" + DemoEdge.PAYMENTS_NLB_EIP_A),
						tuple(DemoEdge.PAYMENTS_NLB_PROTECTION_B, "payments-nlb-us-east-1b",
								"arn:aws:ec2:us-east-1:444444444444:eip-allocation/" + DemoEdge.PAYMENTS_NLB_EIP_B));
			assertThat(protections).allSatisfy(p -> {
				assertThat(p.protectionArn()).isEqualTo("arn:aws:shield::444444444444:protection/" + p.id());
				assertThat(p.healthCheckIds()).isEmpty();
			});
			assertThat(shield
				.listProtections(r -> r.inclusionFilters(f -> f.resourceTypesWithStrings("ELASTIC_IP_ALLOCATION")))
				.protections()).hasSize(2);
			assertThat(shield.listProtections(r -> r.inclusionFilters(f -> f.resourceArns(DemoEdge.PAYMENTS_API)))
				.protections()).extracting(Protection::name).containsExactly("payments-api");

			DescribeDrtAccessResponse drt = shield.describeDRTAccess(r -> {
			});
			assertThat(drt.roleArn()).isEqualTo("arn:aws:iam::444444444444:role/AWSShieldDRTAccessRole");
			assertThat(drt.logBucketList()).containsExactly("payments-alb-logs-444444444444");
		}
	}

	@Test
	void webIsSubscribedWithoutAutoRenewAndProtectsOnlyWebPublic() {
		try (ShieldClient shield = shield(WEB)) {
			assertThat(shield.getSubscriptionState(r -> {
			}).subscriptionStateAsString()).isEqualTo("ACTIVE");
			Subscription s = shield.describeSubscription(r -> {
			}).subscription();
			assertThat(s.autoRenewAsString()).isEqualTo("DISABLED");
			assertThat(s.proactiveEngagementStatusAsString()).isEqualTo("DISABLED");
			assertThat(shield.listProtectionsPaginator(r -> r.maxResults(1)).protections().stream())
				.extracting(Protection::id, Protection::name, Protection::resourceArn)
				.containsExactly(tuple(DemoEdge.WEB_PUBLIC_PROTECTION, "web-public", DemoEdge.WEB_PUBLIC));
			DescribeDrtAccessResponse drt = shield.describeDRTAccess(r -> {
			});
			assertThat(drt.roleArn()).isNull();
			assertThat(drt.logBucketList()).isEmpty();
		}
	}

	@Test
	void everyOtherAccountHasNoSubscription() {
		for (String account : List.of("111111111111", "222222222222", "333333333333", "666666666666")) {
			try (ShieldClient shield = shield(account)) {
				assertThat(shield.getSubscriptionState(r -> {
				}).subscriptionState()).isEqualTo(SubscriptionState.INACTIVE);
				for (Runnable call : List.<Runnable>of(() -> shield.describeSubscription(r -> {
				}), () -> shield.listProtections(r -> {
				}), () -> shield.describeDRTAccess(r -> {
				}))) {
					ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class, call::run);
					assertThat(e.statusCode()).isEqualTo(400);
					assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
					assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The subscription does not exist.");
				}
			}
		}
	}

	@Test
	void aBadNextTokenIsInvalidPaginationToken() {
		try (ShieldClient shield = shield(PAYMENTS)) {
			InvalidPaginationTokenException e = catchThrowableOfType(InvalidPaginationTokenException.class,
					() -> shield.listProtections(r -> r.nextToken("not-a-token")));
			assertThat(e.statusCode()).isEqualTo(400);
		}
	}

	@Test
	void faultsReachShieldAsTheyReachEveryService() {
		try (ShieldClient shield = shield(PAYMENTS)) {
			Faults.of(sim).throttleRate(1.0, 7);
			ShieldException throttled = catchThrowableOfType(ShieldException.class,
					() -> shield.getSubscriptionState(r -> {
					}));
			assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
			assertThat(throttled.isThrottlingException()).isTrue();
			Faults.of(sim).reset().failOperation("shield:ListProtections", 0, 500);
			ShieldException failed = catchThrowableOfType(ShieldException.class, () -> shield.listProtections(r -> {
			}));
			assertThat(failed.statusCode()).isEqualTo(500);
			assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("InternalErrorException");
			Faults.of(sim).reset().pageSizeLimit(1);
			assertThat(shield.listProtectionsPaginator(r -> {
			}).stream()).hasSize(3);
			Faults.of(sim).reset().expireCredentialsAfterCalls(0);
			assertThat(catchThrowableOfType(ShieldException.class, () -> shield.describeSubscription(r -> {
			})).awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
		}
	}

}
