package dev.evident.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.evident.control.ControlResultStore.Evaluated;

/** Runs every control's check against the evidence store and rolls the results up. */
public class ControlEvaluator {

	private final Map<String, Check> checks;

	public ControlEvaluator(Map<String, Check> checks) {
		this.checks = checks;
	}

	public List<Evaluated> evaluate(ControlCatalog catalog, CheckContext base) {
		List<Evaluated> evaluated = new ArrayList<>();
		for (Control control : catalog.controls()) {
			CheckContext ctx = base.forControl(control);
			List<CheckResult> results = new ArrayList<>(checks.get(control.check().id()).evaluate(ctx));
			results.sort(Comparator.comparing(CheckResult::accountId).thenComparing(CheckResult::resource));
			evaluated.add(new Evaluated(control, List.copyOf(results),
					Status.rollUp(results.stream().map(CheckResult::status).toList())));
		}
		evaluated.sort(Comparator.comparing(e -> e.control().id()));
		return evaluated;
	}

}
