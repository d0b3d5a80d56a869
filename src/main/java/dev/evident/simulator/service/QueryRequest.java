package dev.evident.simulator.service;

import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one query-protocol call (ELBv2), checked against the operation's
 * members: scalars by name, lists as {@code Name.member.N}. Anything else is the
 * protocol's invalid-input error.
 */
final class QueryRequest {

	private static final Pattern MEMBER = Pattern.compile("([A-Za-z]+)\\.member\\.([1-9]\\d{0,4})");

	private final Call call;

	private final Protocol protocol;

	private final Map<String, TreeMap<Integer, String>> lists = new TreeMap<>();

	private QueryRequest(Call call, Protocol protocol) {
		this.call = call;
		this.protocol = protocol;
	}

	static QueryRequest of(Call call, Protocol protocol, Set<String> scalars, Set<String> lists) {
		QueryRequest request = new QueryRequest(call, protocol);
		for (Map.Entry<String, String> param : call.params().entrySet()) {
			String name = param.getKey();
			if (name.equals("Action") || name.equals("Version") || scalars.contains(name)) {
				continue;
			}
			Matcher member = MEMBER.matcher(name);
			if (member.matches() && lists.contains(member.group(1))) {
				request.lists.computeIfAbsent(member.group(1), k -> new TreeMap<>())
					.put(Integer.parseInt(member.group(2)), param.getValue());
				continue;
			}
			throw protocol.invalidInput("Unknown parameter: " + name);
		}
		return request;
	}

	String param(String name) {
		return call.param(name);
	}

	/** The values of {@code name.member.1}, {@code name.member.2}, ... in index order. */
	List<String> list(String name) {
		TreeMap<Integer, String> values = lists.get(name);
		return values == null ? List.of() : List.copyOf(values.values());
	}

	/**
	 * An integer parameter within {@code min}..{@code max}, or null; anything else fails
	 * as AWS's validation does.
	 */
	Integer integer(String name, int min, int max) {
		String value = call.param(name);
		if (value == null) {
			return null;
		}
		String member = Character.toLowerCase(name.charAt(0)) + name.substring(1);
		int n;
		try {
			n = Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw protocol.invalidInput("Value '" + value + "' at '" + member + "' failed to satisfy constraint: "
					+ "Member must be an integer");
		}
		if (n < min || n > max) {
			throw protocol.invalidInput("1 validation error detected: Value '" + n + "' at '" + member
					+ "' failed to satisfy constraint: Member must have value "
					+ (n < min ? "greater than or equal to " + min : "less than or equal to " + max));
		}
		return n;
	}

}
