package dev.evident.simulator.service;

import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.SimException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one ec2-protocol call, checked against the operation's members:
 * scalars by name, lists as {@code Name.N}, filters as {@code Filter.N.Name} and
 * {@code Filter.N.Value.M}. Anything else, and any malformed value, is the protocol's
 * invalid-input error.
 */
final class Ec2Request {

	/**
	 * One {@code Filter.N}: a resource matches when a value of the field matches any
	 * value.
	 */
	record Filter(String name, List<String> values) {
	}

	private static final Pattern LIST = Pattern.compile("([A-Za-z]+)\\.([1-9]\\d{0,4})");

	private static final Pattern FILTER = Pattern.compile("Filter\\.([1-9]\\d{0,4})\\.(Name|Value\\.([1-9]\\d{0,4}))");

	private final Call call;

	private final Protocol protocol;

	private final Map<String, TreeMap<Integer, String>> lists = new TreeMap<>();

	private final TreeMap<Integer, String> filterNames = new TreeMap<>();

	private final TreeMap<Integer, TreeMap<Integer, String>> filterValues = new TreeMap<>();

	private Ec2Request(Call call, Protocol protocol) {
		this.call = call;
		this.protocol = protocol;
	}

	/**
	 * The call's parameters, which must be {@code Action}, {@code Version}, one of
	 * {@code scalars}, {@code <list>.N} for one of {@code lists}, or a filter.
	 */
	static Ec2Request of(Call call, Protocol protocol, Set<String> scalars, Set<String> lists) {
		Ec2Request request = new Ec2Request(call, protocol);
		for (Map.Entry<String, String> param : call.params().entrySet()) {
			String name = param.getKey();
			if (name.equals("Action") || name.equals("Version") || scalars.contains(name)) {
				continue;
			}
			Matcher filter = FILTER.matcher(name);
			if (filter.matches()) {
				int n = Integer.parseInt(filter.group(1));
				if (filter.group(3) == null) {
					request.filterNames.put(n, param.getValue());
				}
				else {
					request.filterValues.computeIfAbsent(n, k -> new TreeMap<>())
						.put(Integer.parseInt(filter.group(3)), param.getValue());
				}
				continue;
			}
			Matcher list = LIST.matcher(name);
			if (list.matches() && lists.contains(list.group(1))) {
				request.lists.computeIfAbsent(list.group(1), k -> new TreeMap<>())
					.put(Integer.parseInt(list.group(2)), param.getValue());
				continue;
			}
			throw protocol.invalidInput("The parameter " + name + " is not recognized");
		}
		for (Integer n : request.filterValues.keySet()) {
			if (!request.filterNames.containsKey(n)) {
				throw protocol.invalidInput("The filter Filter." + n + " has values but no Name");
			}
		}
		return request;
	}

	/** The values of {@code name.1}, {@code name.2}, ... in index order. */
	List<String> list(String name) {
		TreeMap<Integer, String> values = lists.get(name);
		return values == null ? List.of() : List.copyOf(values.values());
	}

	/** A boolean parameter ({@code true} or {@code false}), or the default. */
	boolean bool(String name, boolean otherwise) {
		String value = call.param(name);
		if (value == null) {
			return otherwise;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw protocol.invalidInput("Invalid value '" + value + "' for " + name + ": expected true or false");
		}
		return value.equals("true");
	}

	/** {@code MaxResults}, which must be within the operation's range, or null. */
	Integer maxResults(int min, int max) {
		String value = call.param("MaxResults");
		if (value == null) {
			return null;
		}
		try {
			int n = Integer.parseInt(value);
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// the same error as out of range
		}
		throw protocol.invalidInput("Value ( " + value + " ) for parameter maxResults is invalid. Parameter must be"
				+ " between " + min + " and " + max + ".");
	}

	String nextToken() {
		return call.param("NextToken");
	}

	/** Refuses a DryRun as EC2 does when the caller may make the call. */
	void dryRun() {
		if (bool("DryRun", false)) {
			throw new SimException("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
		}
	}

	/**
	 * The filters as one predicate. {@code fields} gives, for a filter name, the values
	 * of that field of a resource, or null for a filter the operation does not know.
	 * Filter values may use the wildcards {@code *} and {@code ?}.
	 */
	<T> Predicate<T> filter(Function<String, Function<T, List<String>>> fields) {
		Predicate<T> all = item -> true;
		for (Map.Entry<Integer, String> entry : filterNames.entrySet()) {
			Function<T, List<String>> field = fields.apply(entry.getValue());
			if (field == null) {
				throw protocol.invalidInput("The filter '" + entry.getValue() + "' is invalid");
			}
			TreeMap<Integer, String> values = filterValues.get(entry.getKey());
			if (values == null) {
				throw protocol.invalidInput("The filter '" + entry.getValue() + "' has no values");
			}
			List<Pattern> patterns = new ArrayList<>();
			values.values().forEach(v -> patterns.add(glob(v)));
			all = all.and(item -> field.apply(item)
				.stream()
				.anyMatch(value -> value != null && patterns.stream().anyMatch(p -> p.matcher(value).matches())));
		}
		return all;
	}

	private static Pattern glob(String value) {
		StringBuilder regex = new StringBuilder();
		for (char c : value.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

}
