package dev.evident.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The thresholds the report's lists apply (remediation SLA per severity, maximum access
 * key age), taken from what the run's controls stated in their results, so that the
 * report agrees with parameters overridden for the run; a threshold no result states
 * falls back to the default of the control's file, and the report says which applied.
 */
record Thresholds(Map<String, Integer> slaDays, String slaSource, int maxKeyAgeDays, String keyAgeSource) {

	static final String SLA_CONTROL = "inspector-finding-sla";

	static final String SLA_FILE = "mappings/controls/vulnerability/inspector-finding-sla.yaml";

	static final String KEY_CONTROL = "access-keys-rotated";

	static final String KEY_FILE = "mappings/controls/users/access-keys-rotated.yaml";

	private static final Pattern SLA = Pattern
		.compile("\\b(CRITICAL|HIGH|MEDIUM|LOW|INFORMATIONAL|UNTRIAGED) > (\\d{1,5}) days");

	private static final Pattern KEY_AGE = Pattern.compile("within (\\d{1,5}) days before");

	static Thresholds read(JdbcTemplate jdbc, String runId) {
		Map<String, Integer> sla = new LinkedHashMap<>();
		JsonNode slaDefaults = params(SLA_FILE).path("sla_days");
		slaDefaults.fields().forEachRemaining(e -> sla.put(e.getKey(), e.getValue().asInt()));
		boolean fromResults = false;
		for (String reason : reasons(jdbc, runId, SLA_CONTROL)) {
			Matcher m = SLA.matcher(reason);
			while (m.find()) {
				sla.put(m.group(1), Integer.parseInt(m.group(2)));
				fromResults = true;
			}
		}
		String slaSource = fromResults ? "results of control " + SLA_CONTROL + " (other severities: " + SLA_FILE + ")"
				: "default of " + SLA_FILE;
		Integer keyAge = null;
		for (String reason : reasons(jdbc, runId, KEY_CONTROL)) {
			Matcher m = KEY_AGE.matcher(reason);
			if (m.find()) {
				keyAge = Integer.parseInt(m.group(1));
				break;
			}
		}
		String keySource = "results of control " + KEY_CONTROL;
		if (keyAge == null) {
			keyAge = params(KEY_FILE).path("max_age_days").asInt(90);
			keySource = "default of " + KEY_FILE;
		}
		return new Thresholds(sla, slaSource, keyAge, keySource);
	}

	private static List<String> reasons(JdbcTemplate jdbc, String runId, String controlId) {
		return jdbc.query(con -> {
			var ps = con.prepareStatement("SELECT reason FROM ev_control_result WHERE run_id = ? AND control_id = ?"
					+ " ORDER BY CASE status WHEN 'FAIL' THEN 0 ELSE 1 END, account_id, resource");
			ps.setMaxRows(100);
			ps.setString(1, runId);
			ps.setString(2, controlId);
			return ps;
		}, (rs, i) -> rs.getString(1));
	}

	/** The {@code check.params} of a control file on the classpath, or an empty node. */
	private static JsonNode params(String resource) {
		ClassLoader cl = Thread.currentThread().getContextClassLoader();
		try (InputStream in = (cl != null ? cl : Thresholds.class.getClassLoader()).getResourceAsStream(resource)) {
			if (in == null) {
				return new ObjectMapper().createObjectNode();
			}
			return new ObjectMapper(new YAMLFactory()).readTree(in).path("check").path("params");
		}
		catch (IOException e) {
			return new ObjectMapper().createObjectNode();
		}
	}

	/** E.g. {@code CRITICAL 15 days, HIGH 30 days, MEDIUM 90 days}. */
	String slaText() {
		StringBuilder sb = new StringBuilder();
		slaDays.forEach((sev,
				days) -> sb.append(sb.isEmpty() ? "" : ", ").append(sev).append(' ').append(days).append(" days"));
		return sb.toString();
	}

}
