package dev.evident.simulator.service;

import dev.evident.simulator.model.Listener;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.model.RegionEdge;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.QueryProtocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;
import dev.evident.simulator.server.XmlWriter;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Elastic Load Balancing v2 (the query protocol): the calling account's load balancers in
 * the call's region, their attributes and listeners, paginated with
 * {@code Marker}/{@code PageSize} (1-400). Malformed input is {@code ValidationError};
 * unknown ARNs and names are {@code LoadBalancerNotFound} and {@code ListenerNotFound}
 * (400). A region not enabled for the account refuses every call
 * ({@code InvalidClientTokenId}, 403).
 */
public final class ElbService implements Service {

	static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

	private static final int MAX_PAGE = 400;

	private final Protocol protocol = new QueryProtocol(NAMESPACE,
			Set.of("DescribeLoadBalancers", "DescribeLoadBalancerAttributes", "DescribeListeners"), "InternalFailure",
			"ValidationError");

	private final SimulatedOrganization org;

	public ElbService(SimulatedOrganization org) {
		this.org = org;
	}

	@Override
	public String name() {
		return "elasticloadbalancing";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		RegionAccess.requireEnabled(org, call, protocol);
		RegionEdge edge = org.edge(call.accountId(), call.region());
		return switch (call.operation()) {
			case "DescribeLoadBalancers" -> loadBalancers(call, edge);
			case "DescribeLoadBalancerAttributes" -> attributes(call, edge);
			case "DescribeListeners" -> listeners(call, edge);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private String loadBalancers(Call call, RegionEdge edge) {
		QueryRequest request = QueryRequest.of(call, protocol, Set.of("Marker", "PageSize"),
				Set.of("LoadBalancerArns", "Names"));
		List<String> arns = request.list("LoadBalancerArns");
		List<String> names = request.list("Names");
		if (!arns.isEmpty() && !names.isEmpty()) {
			throw protocol
				.invalidInput("Load balancer names and load balancer ARNs cannot be specified at the same time");
		}
		List<LoadBalancer> selected = edge.loadBalancers()
			.stream()
			.filter(lb -> (arns.isEmpty() || arns.contains(lb.arn())) && (names.isEmpty() || names.contains(lb.name())))
			.toList();
		if (!arns.isEmpty() && arns.stream().distinct().count() != selected.size()) {
			throw notFound("One or more load balancers not found");
		}
		List<String> missing = names.stream()
			.filter(name -> selected.stream().noneMatch(lb -> lb.name().equals(name)))
			.toList();
		if (!missing.isEmpty()) {
			throw notFound("Load balancers '" + missing + "' not found");
		}
		return page(request, "LoadBalancers", selected, ElbXml::loadBalancer);
	}

	private String attributes(Call call, RegionEdge edge) {
		QueryRequest request = QueryRequest.of(call, protocol, Set.of("LoadBalancerArn"), Set.of());
		LoadBalancer lb = loadBalancer(request.param("LoadBalancerArn"), edge);
		XmlWriter xml = new XmlWriter().start("Attributes");
		lb.attributes().forEach(attribute -> ElbXml.attribute(xml, attribute));
		return xml.end().toString();
	}

	private String listeners(Call call, RegionEdge edge) {
		QueryRequest request = QueryRequest.of(call, protocol, Set.of("LoadBalancerArn", "Marker", "PageSize"),
				Set.of("ListenerArns"));
		String lbArn = request.param("LoadBalancerArn");
		List<String> arns = request.list("ListenerArns");
		if (lbArn == null && arns.isEmpty()) {
			throw protocol.invalidInput("You must specify either listener ARNs or a load balancer ARN");
		}
		if (lbArn != null && !arns.isEmpty()) {
			throw protocol.invalidInput("Listener ARNs and a load balancer ARN cannot be specified at the same time");
		}
		List<Listener> listeners;
		if (lbArn != null) {
			listeners = loadBalancer(lbArn, edge).listeners();
		}
		else {
			listeners = edge.loadBalancers()
				.stream()
				.flatMap(lb -> lb.listeners().stream())
				.filter(l -> arns.contains(l.arn()))
				.toList();
			if (arns.stream().distinct().count() != listeners.size()) {
				throw new SimException("ListenerNotFound", 400, "One or more listeners not found");
			}
		}
		return page(request, "Listeners", listeners, ElbXml::listener);
	}

	private LoadBalancer loadBalancer(String arn, RegionEdge edge) {
		if (arn == null) {
			throw protocol.invalidInput("1 validation error detected: Value null at 'loadBalancerArn' failed to "
					+ "satisfy constraint: Member must not be null");
		}
		if (!arn.startsWith("arn:aws:elasticloadbalancing:")) {
			throw protocol.invalidInput("'" + arn + "' is not a valid load balancer ARN");
		}
		return edge.loadBalancers()
			.stream()
			.filter(lb -> lb.arn().equals(arn))
			.findFirst()
			.orElseThrow(() -> notFound("Load balancer '" + arn + "' not found"));
	}

	private <T> String page(QueryRequest request, String element, List<T> items, BiConsumer<XmlWriter, T> write) {
		Integer size = request.integer("PageSize", 1, MAX_PAGE);
		var page = Pagination.page(items, request.param("Marker"), size, MAX_PAGE, MAX_PAGE, protocol);
		XmlWriter xml = new XmlWriter().start(element);
		page.items().forEach(item -> write.accept(xml, item));
		return xml.end().element("NextMarker", page.nextToken()).toString();
	}

	private static SimException notFound(String message) {
		return new SimException("LoadBalancerNotFound", 400, message);
	}

}
