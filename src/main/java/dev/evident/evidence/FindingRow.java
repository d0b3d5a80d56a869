package dev.evident.evidence;

import java.time.Instant;
import java.util.Comparator;

/**
 * One finding as the evidence store keeps it (a row of {@code ev_finding}), whether it
 * came from a ListFindings page or from a findings report. Its two orders are shared by
 * the shortlist that the collector keeps and the report's lists ranked from it.
 *
 * @param region the region the finding was collected from
 */
public record FindingRow(String findingArn, String accountId, String region, String severity, String status,
		String type, String title, String vulnerabilityId, String resourceType, String resourceId,
		Double inspectorScore, String fixAvailable, String exploitAvailable, Instant firstObservedAt,
		Instant lastObservedAt, Instant updatedAt) {

	/**
	 * ACTIVE findings kept per severity and order in {@code ev_finding_shortlist}; the
	 * report's lists may show up to this many.
	 */
	public static final int SHORTLIST_SIZE = 100;

	/** Highest Inspector score first (no score last), then by ARN. */
	public static final Comparator<FindingRow> HIGHEST_SCORE = Comparator
		.comparing(FindingRow::inspectorScore, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(FindingRow::findingArn);

	/** First observed first, then by ARN. */
	public static final Comparator<FindingRow> FIRST_OBSERVED = Comparator.comparing(FindingRow::firstObservedAt)
		.thenComparing(FindingRow::findingArn);

}
