package dev.evident.control;

import java.util.List;
import java.util.Map;

/**
 * A control of the catalog, as written in {@code mappings/controls/<area>/<id>.yaml}.
 *
 * @param id the control id, equal to the file name
 * @param title a short title
 * @param objective what the control achieves, in one or two sentences
 * @param responsibility AWS, CUSTOMER or SHARED
 * @param check the automated check and its parameters (thresholds)
 * @param evidence the evidence sources the check reads
 * @param remediation what to do when it fails
 * @param references public sources
 */
public record Control(String id, String title, String objective, Responsibility responsibility, CheckRef check,
		List<String> evidence, String remediation, List<String> references) {

	public Control {
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
		references = references == null ? List.of() : List.copyOf(references);
	}

	/** The check a control uses, with its parameters. */
	public record CheckRef(String id, Map<String, Object> params) {

		public CheckRef {
			params = params == null ? Map.of() : Map.copyOf(params);
		}
	}
}
