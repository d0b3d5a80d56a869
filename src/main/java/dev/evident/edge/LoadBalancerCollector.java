package dev.evident.edge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.evident.aws.RawSink;
import dev.evident.edge.EntryPoints.Listener;
import dev.evident.edge.EntryPoints.LoadBalancer;

import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;

/**
 * Reads one region's load balancers, and for each its attributes and listeners, keeping
 * every response raw.
 */
public class LoadBalancerCollector {

	/** The largest page ELBv2 allows. */
	static final int PAGE_SIZE = 400;

	private final ElasticLoadBalancingV2Client elb;

	private final RawSink raw;

	public LoadBalancerCollector(ElasticLoadBalancingV2Client elb, RawSink raw) {
		this.elb = elb;
		this.raw = raw;
	}

	public List<LoadBalancer> collect(String region) {
		List<LoadBalancer> balancers = new ArrayList<>();
		int page = 0;
		for (DescribeLoadBalancersResponse r : elb.describeLoadBalancersPaginator(b -> b.pageSize(PAGE_SIZE))) {
			raw.json("elasticloadbalancing", region + "/DescribeLoadBalancers-" + (++page), "DescribeLoadBalancers",
					"pageSize=" + PAGE_SIZE + ";page=" + page, r);
			for (var lb : r.loadBalancers()) {
				balancers.add(balancer(region, lb));
			}
		}
		return balancers;
	}

	private LoadBalancer balancer(String region,
			software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer lb) {
		String arn = lb.loadBalancerArn();
		String name = lb.loadBalancerName();
		DescribeLoadBalancerAttributesResponse attributes = elb
			.describeLoadBalancerAttributes(b -> b.loadBalancerArn(arn));
		raw.json("elasticloadbalancing", region + "/DescribeLoadBalancerAttributes-" + name,
				"DescribeLoadBalancerAttributes", "loadBalancerArn=" + arn, attributes);
		Map<String, String> values = new HashMap<>();
		attributes.attributes().forEach(a -> values.put(a.key(), a.value()));
		List<Listener> listeners = new ArrayList<>();
		int page = 0;
		for (DescribeListenersResponse r : elb
			.describeListenersPaginator(b -> b.loadBalancerArn(arn).pageSize(PAGE_SIZE))) {
			raw.json("elasticloadbalancing", region + "/DescribeListeners-" + name + "-" + (++page),
					"DescribeListeners", "loadBalancerArn=" + arn + ";page=" + page, r);
			r.listeners().forEach(l -> {
				Action action = l.defaultActions().isEmpty() ? null : l.defaultActions().get(0);
				listeners.add(new Listener(l.listenerArn(), l.port() == null ? 0 : l.port(), l.protocolAsString(),
						l.sslPolicy(), action == null ? null : action.typeAsString(),
						action != null && action.redirectConfig() != null ? action.redirectConfig().protocol() : null));
			});
		}
		return new LoadBalancer(arn, name, lb.typeAsString(), lb.schemeAsString(), lb.vpcId(), lb.dnsName(),
				bool(values.get("routing.http.drop_invalid_header_fields.enabled")),
				values.get("routing.http.desync_mitigation_mode"), bool(values.get("access_logs.s3.enabled")),
				blankToNull(values.get("access_logs.s3.bucket")), listeners);
	}

	private static Boolean bool(String value) {
		return value == null ? null : Boolean.valueOf(value);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
