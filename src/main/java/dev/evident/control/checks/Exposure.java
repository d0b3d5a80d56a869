package dev.evident.control.checks;

import java.util.List;
import java.util.Optional;

import dev.evident.control.checks.NetworkEvidence.AclEntry;
import dev.evident.control.checks.NetworkEvidence.GroupRule;

/**
 * Whether a security group rule or a network ACL lets the whole internet (0.0.0.0/0 or
 * ::/0) reach a port. A security group's rules only allow, so one matching rule opens the
 * port. A network ACL's entries are evaluated in rule order and the first that matches
 * decides, so a deny numbered before an allow keeps the port closed: the port is open
 * only when the first entry matching internet traffic to it allows it.
 */
final class Exposure {

	static final List<String> INTERNET = List.of("0.0.0.0/0", "::/0");

	private Exposure() {
	}

	/**
	 * Whether the ingress rule opens {@code port} (TCP, or every protocol) to the
	 * internet.
	 */
	static boolean opens(GroupRule rule, int port) {
		return !rule.egress() && INTERNET.contains(rule.source())
				&& covers(rule.protocol(), "tcp", "6", rule.fromPort(), rule.toPort(), port);
	}

	/**
	 * The entry that decides internet traffic (from {@code internet}, one of
	 * {@link #INTERNET}) to {@code port} over TCP, if it allows it: the first ingress
	 * entry, in rule order, for that whole range and the port.
	 */
	static Optional<AclEntry> opens(List<AclEntry> entries, String internet, int port) {
		return entries.stream()
			.filter(e -> !e.egress() && internet.equals(e.cidr())
					&& covers(e.protocol(), "tcp", "6", e.fromPort(), e.toPort(), port))
			.findFirst()
			.filter(e -> "allow".equals(e.action()));
	}

	/**
	 * Whether a protocol and port range cover the port: every protocol ({@code -1}), or
	 * TCP with no range (all ports) or a range holding it.
	 */
	private static boolean covers(String protocol, String name, String number, Integer from, Integer to, int port) {
		if ("-1".equals(protocol) || "all".equalsIgnoreCase(protocol)) {
			return true;
		}
		if (!name.equalsIgnoreCase(protocol) && !number.equals(protocol)) {
			return false;
		}
		return from == null || to == null || (from <= port && port <= to);
	}

	/**
	 * A rule as an auditor reads it: {@code tcp 22 from ::/0},
	 * {@code all traffic from 0.0.0.0/0}.
	 */
	static String describe(String protocol, Integer from, Integer to, String source) {
		return ports(protocol, from, to) + " from " + source;
	}

	static String ports(String protocol, Integer from, Integer to) {
		if ("-1".equals(protocol)) {
			return "all traffic";
		}
		String name = switch (protocol) {
			case "6" -> "tcp";
			case "17" -> "udp";
			case "1" -> "icmp";
			default -> protocol;
		};
		if (from == null || to == null || (from == 0 && to == 65535)) {
			return name + " all ports";
		}
		return name + " " + (from.equals(to) ? String.valueOf(from) : from + "-" + to);
	}

}
