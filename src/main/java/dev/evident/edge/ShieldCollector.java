package dev.evident.edge;

import java.util.ArrayList;
import java.util.List;

import dev.evident.aws.RawSink;
import dev.evident.edge.EntryPoints.Protection;
import dev.evident.edge.EntryPoints.Shield;

import software.amazon.awssdk.services.shield.ShieldClient;
import software.amazon.awssdk.services.shield.model.DescribeDrtAccessResponse;
import software.amazon.awssdk.services.shield.model.DescribeSubscriptionResponse;
import software.amazon.awssdk.services.shield.model.GetSubscriptionStateResponse;
import software.amazon.awssdk.services.shield.model.ListProtectionsResponse;

/**
 * Reads an account's Shield Advanced subscription (a global service): whether there is
 * one, its renewal and proactive engagement, the response team's access and the
 * protections, keeping every response raw. Without a subscription only the state is read.
 */
public class ShieldCollector {

	private final ShieldClient shield;

	private final RawSink raw;

	public ShieldCollector(ShieldClient shield, RawSink raw) {
		this.shield = shield;
		this.raw = raw;
	}

	public Shield collect() {
		GetSubscriptionStateResponse state = shield.getSubscriptionState(b -> {
		});
		raw.json("shield", "GetSubscriptionState", "GetSubscriptionState", "", state);
		if (!"ACTIVE".equals(state.subscriptionStateAsString())) {
			return new Shield(state.subscriptionStateAsString(), null, null, null, List.of());
		}
		DescribeSubscriptionResponse subscription = shield.describeSubscription(b -> {
		});
		raw.json("shield", "DescribeSubscription", "DescribeSubscription", "", subscription);
		DescribeDrtAccessResponse drt = shield.describeDRTAccess(b -> {
		});
		raw.json("shield", "DescribeDRTAccess", "DescribeDRTAccess", "", drt);
		List<Protection> protections = new ArrayList<>();
		int page = 0;
		for (ListProtectionsResponse r : shield.listProtectionsPaginator(b -> {
		})) {
			raw.json("shield", "ListProtections-" + (++page), "ListProtections", "page=" + page, r);
			r.protections().forEach(p -> protections.add(new Protection(p.id(), p.name(), p.resourceArn())));
		}
		var s = subscription.subscription();
		return new Shield(state.subscriptionStateAsString(), s == null ? null : s.autoRenewAsString(),
				s == null ? null : s.proactiveEngagementStatusAsString(), drt.roleArn(), protections);
	}

}
