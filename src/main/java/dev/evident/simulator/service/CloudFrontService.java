package dev.evident.simulator.service;

import dev.evident.simulator.model.Distribution;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.RestXmlProtocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;
import dev.evident.simulator.server.XmlWriter;

import java.util.Comparator;
import java.util.List;

/**
 * CloudFront (REST-XML), a global service: the calling account's distributions whatever
 * region the call is signed for, in the order of their ids, paginated with {@code Marker}
 * (the id of the last distribution of the previous page) and {@code MaxItems} (default
 * 100).
 */
public final class CloudFrontService implements Service {

	static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

	private final Protocol protocol = new RestXmlProtocol(NAMESPACE,
			List.of(new RestXmlProtocol.Route("GET", "/2020-05-31/distribution", "ListDistributions")));

	private final SimulatedOrganization org;

	public CloudFrontService(SimulatedOrganization org) {
		this.org = org;
	}

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
		if (!call.operation().equals("ListDistributions")) {
			throw new IllegalStateException(call.operation());
		}
		String marker = call.param("Marker") == null ? "" : call.param("Marker");
		int max = maxItems(call.param("MaxItems"));
		List<Distribution> after = org.globalEdge(call.accountId())
			.distributions()
			.stream()
			.sorted(Comparator.comparing(Distribution::id))
			.filter(d -> marker.isEmpty() || d.id().compareTo(marker) > 0)
			.toList();
		List<Distribution> page = after.subList(0, Math.min(after.size(), Pagination.capped(max)));
		boolean truncated = page.size() < after.size();
		XmlWriter xml = new XmlWriter().start("DistributionList", NAMESPACE).element("Marker", marker);
		if (truncated) {
			xml.element("NextMarker", page.get(page.size() - 1).id());
		}
		xml.element("MaxItems", max).element("IsTruncated", truncated).element("Quantity", page.size());
		if (!page.isEmpty()) {
			xml.start("Items");
			page.forEach(d -> CloudFrontXml.summary(xml, d));
			xml.end();
		}
		return xml.end().toString();
	}

	private static int maxItems(String value) {
		if (value == null) {
			return 100;
		}
		try {
			int n = Integer.parseInt(value);
			if (n >= 1 && n <= 1000) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// the same error as out of range
		}
		throw new SimException("InvalidArgument", 400, "The value of MaxItems must be an integer from 1 to 1000.");
	}

}
