package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.server.SimException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Evaluates Inspector2 {@code filterCriteria} against findings. */
final class FindingFilter {

	private static final Map<String, Function<Finding, String>> STRINGS = Map.ofEntries(
			Map.entry("findingArn", Finding::findingArn), Map.entry("awsAccountId", Finding::awsAccountId),
			Map.entry("findingType", Finding::type), Map.entry("severity", Finding::severity),
			Map.entry("findingStatus", Finding::status), Map.entry("title", Finding::title),
			Map.entry("resourceType", Finding::resourceType), Map.entry("resourceId", Finding::resourceId),
			Map.entry("vulnerabilityId", f -> f.vulnerability() == null ? null : f.vulnerability().id()),
			Map.entry("fixAvailable", Finding::fixAvailable), Map.entry("exploitAvailable",
					f -> "PACKAGE_VULNERABILITY".equals(f.type()) ? (f.exploitAvailable() ? "YES" : "NO") : null));

	private static final Map<String, Function<Finding, Instant>> DATES = Map.of("firstObservedAt",
			Finding::firstObservedAt, "lastObservedAt", Finding::lastObservedAt, "updatedAt", Finding::updatedAt);

	private FindingFilter() {
	}

	/**
	 * Builds the predicate; unsupported criteria are rejected with ValidationException.
	 */
	static Predicate<Finding> of(JsonNode criteria) {
		Predicate<Finding> all = f -> true;
		if (criteria == null || criteria.isNull()) {
			return all;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = criteria.fields(); it.hasNext();) {
			var entry = it.next();
			String field = entry.getKey();
			if (STRINGS.containsKey(field)) {
				all = all.and(strings(entry.getValue(), STRINGS.get(field)));
			}
			else if (DATES.containsKey(field)) {
				all = all.and(dates(entry.getValue(), DATES.get(field)));
			}
			else if (field.equals("inspectorScore")) {
				all = all.and(scores(entry.getValue()));
			}
			else {
				throw new SimException("ValidationException", 400,
						"filterCriteria." + field + " is not supported by the Evident simulator");
			}
		}
		return all;
	}

	/** EQUALS/PREFIX filters of one field are OR-ed; NOT_EQUALS filters are AND-ed. */
	static <T> Predicate<T> strings(JsonNode filters, Function<T, String> getter) {
		return item -> {
			String value = getter.apply(item);
			boolean anyPositive = false;
			boolean positiveMatch = false;
			for (JsonNode f : filters) {
				String comparison = f.path("comparison").asText();
				String expected = f.path("value").asText();
				switch (comparison) {
					case "EQUALS" -> {
						anyPositive = true;
						positiveMatch |= expected.equals(value);
					}
					case "PREFIX" -> {
						anyPositive = true;
						positiveMatch |= value != null && value.startsWith(expected);
					}
					case "NOT_EQUALS" -> {
						if (expected.equals(value)) {
							return false;
						}
					}
					default -> throw new SimException("ValidationException", 400, "Unknown comparison " + comparison);
				}
			}
			return !anyPositive || positiveMatch;
		};
	}

	private static Predicate<Finding> dates(JsonNode filters, Function<Finding, Instant> getter) {
		return f -> {
			Instant value = getter.apply(f);
			for (JsonNode filter : filters) {
				if (filter.has("startInclusive") && value.isBefore(instant(filter.get("startInclusive")))) {
					return false;
				}
				if (filter.has("endInclusive") && value.isAfter(instant(filter.get("endInclusive")))) {
					return false;
				}
			}
			return true;
		};
	}

	private static Predicate<Finding> scores(JsonNode filters) {
		return f -> {
			for (JsonNode filter : filters) {
				if (filter.has("lowerInclusive") && f.inspectorScore() < filter.get("lowerInclusive").asDouble()) {
					return false;
				}
				if (filter.has("upperInclusive") && f.inspectorScore() > filter.get("upperInclusive").asDouble()) {
					return false;
				}
			}
			return true;
		};
	}

	private static Instant instant(JsonNode epochSeconds) {
		BigDecimal millis = epochSeconds.decimalValue().movePointRight(3);
		return Instant.ofEpochMilli(millis.longValue());
	}

}
