package dev.evident.inspector;

import dev.evident.evidence.FindingRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Picks, while findings are stored, the few that the report's bounded lists can show: per
 * severity, the {@value #SIZE} ACTIVE findings with the highest Inspector score and the
 * {@value #SIZE} first observed. The report's "most severe findings" and "past their SLA"
 * lists (oldest first; within a severity, the findings past an SLA cutoff are the first
 * observed) are then ranked from these few ({@code ev_finding_shortlist}) instead of by
 * sorting every finding of the run.
 * <p>
 * The bests are kept in memory per run and only grow with committed rows, so a finding is
 * left out only when {@value #SIZE} committed findings of its severity rank strictly
 * before it. Findings pushed out of every best are dropped from the table by a later
 * write. The bests start empty at each execution of the findings step (a restart
 * shortlists more, never fewer).
 */
@Component
public class FindingShortlist {

	/**
	 * Findings kept per severity and order; the report's lists may show up to this many.
	 */
	public static final int SIZE = FindingRow.SHORTLIST_SIZE;

	private final int size;

	private final Map<String, Bests> runs = new ConcurrentHashMap<>();

	public FindingShortlist() {
		this(SIZE);
	}

	FindingShortlist(int size) {
		this.size = size;
	}

	/**
	 * Starts a run's bests afresh (at the start of an execution of the findings step).
	 */
	public void reset(String runId) {
		runs.remove(runId);
	}

	/**
	 * The ACTIVE findings among {@code rows} that rank within the bests committed so far,
	 * to be shortlisted in the same transaction as the rows.
	 */
	List<FindingRow> candidates(String runId, List<FindingRow> rows) {
		Bests bests = runs.computeIfAbsent(runId, k -> new Bests());
		List<FindingRow> picked = new ArrayList<>();
		synchronized (bests) {
			for (FindingRow row : rows) {
				if ("ACTIVE".equals(row.status()) && row.firstObservedAt() != null && bests.ranks(row)) {
					picked.add(row);
				}
			}
		}
		return picked;
	}

	/** Adds shortlisted findings once their transaction has committed. */
	void committed(String runId, List<FindingRow> picked) {
		Bests bests = runs.computeIfAbsent(runId, k -> new Bests());
		synchronized (bests) {
			for (FindingRow row : picked) {
				bests.add(row);
			}
		}
	}

	/**
	 * The ARNs pushed out of every best since the last call, to delete from the table.
	 */
	List<String> dropped(String runId) {
		Bests bests = runs.get(runId);
		if (bests == null) {
			return List.of();
		}
		synchronized (bests) {
			List<String> out = bests.dropped;
			bests.dropped = new ArrayList<>();
			return out;
		}
	}

	private final class Bests {

		private final Map<String, TreeSet<FindingRow>> byScore = new HashMap<>();

		private final Map<String, TreeSet<FindingRow>> byAge = new HashMap<>();

		/** In how many bests each shortlisted ARN is. */
		private final Map<String, Integer> members = new HashMap<>();

		private List<String> dropped = new ArrayList<>();

		boolean ranks(FindingRow row) {
			return within(byScore.get(row.severity()), row) || within(byAge.get(row.severity()), row);
		}

		private boolean within(TreeSet<FindingRow> best, FindingRow row) {
			return best == null || best.size() < size || best.comparator().compare(row, best.last()) <= 0;
		}

		void add(FindingRow row) {
			boolean kept = add(byScore.computeIfAbsent(row.severity(), k -> new TreeSet<>(FindingRow.HIGHEST_SCORE)),
					row);
			kept |= add(byAge.computeIfAbsent(row.severity(), k -> new TreeSet<>(FindingRow.FIRST_OBSERVED)), row);
			if (!kept && !members.containsKey(row.findingArn())) {
				// outranked by rows committed meanwhile
				dropped.add(row.findingArn());
			}
		}

		private boolean add(TreeSet<FindingRow> best, FindingRow row) {
			if (!within(best, row)) {
				return false;
			}
			if (best.add(row)) {
				members.merge(row.findingArn(), 1, Integer::sum);
				if (best.size() > size) {
					String out = best.pollLast().findingArn();
					if (members.merge(out, -1, Integer::sum) == 0) {
						members.remove(out);
						dropped.add(out);
					}
				}
			}
			return true;
		}

	}

}
