package dev.evident.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.Framework.Requirement;

/**
 * Rolls control results up to framework requirements and frameworks. A requirement
 * without supporting controls is MANUAL; otherwise it takes the roll-up of its controls'
 * statuses. A framework is summarised as the number of requirements in each status.
 */
public final class FrameworkEvaluator {

	private FrameworkEvaluator() {
	}

	public static List<FrameworkResult> evaluate(List<Framework> frameworks, Map<String, Status> controlStatus) {
		List<FrameworkResult> results = new ArrayList<>();
		for (Framework f : frameworks) {
			List<RequirementResult> requirements = new ArrayList<>();
			Map<Status, Integer> counts = new EnumMap<>(Status.class);
			for (Status s : Status.values()) {
				counts.put(s, 0);
			}
			for (Requirement r : f.requirements()) {
				Status status = r.controls().isEmpty() ? Status.MANUAL : Status
					.rollUp(r.controls().stream().map(c -> controlStatus.getOrDefault(c, Status.NO_EVIDENCE)).toList());
				requirements.add(new RequirementResult(r, status));
				counts.merge(status, 1, Integer::sum);
			}
			results.add(new FrameworkResult(f, List.copyOf(requirements), counts));
		}
		return results;
	}

	/** A requirement and its status. */
	public record RequirementResult(Requirement requirement, Status status) {
	}

	/**
	 * A framework, its requirements' statuses, and how many requirements are in each
	 * status.
	 */
	public record FrameworkResult(Framework framework, List<RequirementResult> requirements,
			Map<Status, Integer> counts) {

		/** The share of requirements in a status, in percent, rounded to one decimal. */
		public double share(Status status) {
			int total = requirements.size();
			return total == 0 ? 0 : Math.round(counts.get(status) * 1000.0 / total) / 10.0;
		}
	}

}
