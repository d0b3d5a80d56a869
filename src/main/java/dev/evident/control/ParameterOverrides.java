package dev.evident.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-run threshold overrides: {@code --set <control>.<param>[.<key>]=<value>}, for
 * example {@code --set inspector-finding-sla.sla_days.CRITICAL=7}. Values are read as
 * YAML scalars (numbers, true/false, text) and validated like the files themselves.
 */
final class ParameterOverrides {

	private ParameterOverrides() {
	}

	static void apply(List<String> overrides, Map<String, Control> controls, ControlCatalogLoader loader) {
		for (String override : overrides == null ? List.<String>of() : overrides) {
			String where = "--set " + override;
			int eq = override.indexOf('=');
			int dot = override.indexOf('.');
			if (eq < 0 || dot < 0 || dot > eq) {
				throw new MappingException(where, 0, "(option)", "expected <control>.<parameter>=<value>");
			}
			String controlId = override.substring(0, dot);
			String[] path = override.substring(dot + 1, eq).split("\\.");
			Control control = controls.get(controlId);
			if (control == null) {
				throw new MappingException(where, 0, "(control)", "unknown control '" + controlId + "'");
			}
			Map<String, Object> params = deepCopy(control.check().params());
			Map<String, Object> target = params;
			for (int i = 0; i < path.length - 1; i++) {
				Object next = target.get(path[i]);
				if (!(next instanceof Map<?, ?>)) {
					throw new MappingException(where, 0, "check.params." + String.join(".", path),
							"control " + controlId + " has no parameter map '" + path[i] + "'");
				}
				@SuppressWarnings("unchecked")
				Map<String, Object> map = (Map<String, Object>) next;
				target = map;
			}
			target.put(path[path.length - 1], scalar(override.substring(eq + 1)));
			Control changed = new Control(control.id(), control.title(), control.objective(), control.responsibility(),
					new Control.CheckRef(control.check().id(), params), control.evidence(), control.remediation(),
					control.references());
			loader.validateParameters(where, "", changed);
			controls.put(controlId, changed);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> deepCopy(Map<String, Object> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
		return copy;
	}

	private static Object scalar(String text) {
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

}
