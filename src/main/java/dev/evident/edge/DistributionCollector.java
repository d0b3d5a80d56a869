package dev.evident.edge;

import java.util.ArrayList;
import java.util.List;

import dev.evident.aws.RawSink;
import dev.evident.edge.EntryPoints.Distribution;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;

/**
 * Reads an account's CloudFront distributions (a global service), keeping every page raw.
 */
public class DistributionCollector {

	static final int PAGE_SIZE = 100;

	private final CloudFrontClient cloudFront;

	private final RawSink raw;

	public DistributionCollector(CloudFrontClient cloudFront, RawSink raw) {
		this.cloudFront = cloudFront;
		this.raw = raw;
	}

	public List<Distribution> collect() {
		List<Distribution> distributions = new ArrayList<>();
		String marker = null;
		int page = 0;
		do {
			String current = marker;
			ListDistributionsResponse r = cloudFront
				.listDistributions(b -> b.maxItems(String.valueOf(PAGE_SIZE)).marker(current));
			raw.json("cloudfront", "ListDistributions-" + (++page), "ListDistributions",
					"maxItems=" + PAGE_SIZE + ";page=" + page, r);
			var list = r.distributionList();
			if (list == null) {
				break;
			}
			list.items()
				.forEach(d -> distributions.add(new Distribution(d.id(), d.arn(), d.domainName(),
						Boolean.TRUE.equals(d.enabled()), d.webACLId(), d.defaultCacheBehavior() == null ? null
								: d.defaultCacheBehavior().viewerProtocolPolicyAsString())));
			marker = Boolean.TRUE.equals(list.isTruncated()) ? list.nextMarker() : null;
		}
		while (marker != null && !marker.isEmpty());
		return distributions;
	}

}
