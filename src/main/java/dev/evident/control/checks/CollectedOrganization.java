package dev.evident.control.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.CheckResult;

import org.springframework.jdbc.core.JdbcTemplate;

/** The organization of a run (ev_organization), for the organization checks. */
record CollectedOrganization(String id, String featureSet, String managementAccountId, String rootId,
		boolean scpEnabled) {

	static final String FOLDER = "/organizations/";

	/** The organization, or null when it was not collected. */
	static CollectedOrganization load(JdbcTemplate jdbc, String runId) {
		return jdbc
			.query("SELECT org_id, feature_set, management_account_id, root_id, scp_enabled FROM ev_organization "
					+ "WHERE run_id = ?",
					(rs, i) -> new CollectedOrganization(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getBoolean(5)),
					runId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	static CheckResult notCollected(String accountId, String resource, String what) {
		return CheckResult.noEvidence(accountId, resource,
				"The organization was not collected, so " + what + " cannot be shown (see evidence gaps).");
	}

	/** OU names by id. */
	static Map<String, String> unitNames(JdbcTemplate jdbc, String runId) {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.query("SELECT ou_id, name FROM ev_org_unit WHERE run_id = ? ORDER BY path", rs -> {
			names.put(rs.getString(1), rs.getString(2));
		}, runId);
		return names;
	}

	String resource() {
		return "organization " + id;
	}

	/** A raw file of the management account's organizations folder. */
	String file(String name) {
		return "raw/" + managementAccountId + FOLDER + name;
	}

	List<String> evidence(String... names) {
		return java.util.Arrays.stream(names).map(this::file).toList();
	}

}
