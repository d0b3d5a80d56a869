package dev.evident.control;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every check, by id. */
public final class CheckRegistry {

	private final Map<String, Check> byId;

	public CheckRegistry(List<Check> checks) {
		Map<String, Check> map = new TreeMap<>();
		for (Check c : checks) {
			if (map.put(c.id(), c) != null) {
				throw new IllegalStateException("two checks share the id " + c.id());
			}
		}
		this.byId = Collections.unmodifiableMap(map);
	}

	public Map<String, Check> byId() {
		return byId;
	}

}
