package dev.evident.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import dev.evident.evidence.FindingRow;

/**
 * The Inspector section's two bounded lists, selected from a stream of ACTIVE findings
 * with a bounded heap each: the most severe (severity, then Inspector score) and the
 * findings past their severity's SLA (oldest first). The orders are the shortlist's (the
 * shortlist's, {@link FindingRow}), so that ranking the shortlist gives what ranking
 * every finding would.
 */
final class FindingLists {

	static final Comparator<FindingRow> MOST_SEVERE = Comparator
		.comparingInt((FindingRow f) -> severityRank(f.severity()))
		.thenComparing(FindingRow.HIGHEST_SCORE);

	private final Instant asOf;

	private final Map<String, Integer> slaDays;

	private final Bounded top;

	private final Bounded breaches;

	FindingLists(int topLimit, int breachLimit, Instant asOf, Map<String, Integer> slaDays) {
		this.asOf = asOf;
		this.slaDays = slaDays;
		this.top = new Bounded(topLimit, MOST_SEVERE);
		this.breaches = new Bounded(breachLimit, FindingRow.FIRST_OBSERVED);
	}

	void offer(FindingRow finding) {
		top.offer(finding);
		if (pastSla(finding)) {
			breaches.offer(finding);
		}
	}

	List<FindingRow> mostSevere() {
		return top.sorted();
	}

	List<FindingRow> pastSla() {
		return breaches.sorted();
	}

	private boolean pastSla(FindingRow f) {
		Integer days = slaDays.get(f.severity());
		return asOf != null && days != null && f.firstObservedAt() != null
				&& f.firstObservedAt().isBefore(asOf.minus(Duration.ofDays(days)));
	}

	static int severityRank(String severity) {
		int i = InspectorQueries.SEVERITIES.indexOf(severity);
		return i < 0 ? InspectorQueries.SEVERITIES.size() - 1 : i;
	}

	/** The first {@code limit} in an order, holding no more than that. */
	private static final class Bounded {

		private final int limit;

		private final Comparator<FindingRow> order;

		private final PriorityQueue<FindingRow> worstFirst;

		Bounded(int limit, Comparator<FindingRow> order) {
			this.limit = limit;
			this.order = order;
			this.worstFirst = new PriorityQueue<>(order.reversed());
		}

		void offer(FindingRow f) {
			if (limit <= 0) {
				return;
			}
			if (worstFirst.size() < limit) {
				worstFirst.add(f);
			}
			else if (order.compare(f, worstFirst.peek()) < 0) {
				worstFirst.poll();
				worstFirst.add(f);
			}
		}

		List<FindingRow> sorted() {
			List<FindingRow> rows = new ArrayList<>(worstFirst);
			rows.sort(order);
			return rows;
		}

	}

}
