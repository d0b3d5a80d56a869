package dev.evident.simulator.model;

import java.util.List;

/**
 * A listener of a load balancer.
 *
 * @param protocol HTTP, HTTPS (application), TCP or TLS (network)
 * @param sslPolicy the security policy of an HTTPS or TLS listener, else null
 * @param certificateArn the default certificate of an HTTPS or TLS listener, else null
 */
public record Listener(String arn, String loadBalancerArn, int port, String protocol, String sslPolicy,
		String certificateArn, List<Action> defaultActions) {

	public Listener {
		defaultActions = List.copyOf(defaultActions);
	}

	/**
	 * A default action: {@code forward} to a target group, or {@code redirect} with its
	 * protocol, port (a string, as in the API) and status code ({@code HTTP_301} or
	 * {@code HTTP_302}).
	 */
	public record Action(String type, String targetGroupArn, String redirectProtocol, String redirectPort,
			String redirectStatusCode) {

		public static Action forward(String targetGroupArn) {
			return new Action("forward", targetGroupArn, null, null, null);
		}

		public static Action redirect(String protocol, String port, String statusCode) {
			return new Action("redirect", null, protocol, port, statusCode);
		}

	}

}
