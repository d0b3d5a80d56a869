package dev.evident.control;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Control results in the evidence store: the controls of a run and their per-resource
 * results.
 */
@Repository
public class ControlResultStore {

	private final JdbcTemplate jdbc;

	public ControlResultStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the run's results, so that evaluating again never duplicates. */
	public void replace(String runId, List<Evaluated> evaluated) {
		jdbc.update("DELETE FROM ev_control_result WHERE run_id = ?", runId);
		jdbc.update("DELETE FROM ev_control WHERE run_id = ?", runId);
		List<Object[]> controls = new ArrayList<>();
		List<Object[]> results = new ArrayList<>();
		for (Evaluated e : evaluated) {
			Control c = e.control();
			controls.add(new Object[] { runId, c.id(), c.title(), c.objective(), c.responsibility().name(),
					c.check().id(), e.status().name(), truncate(c.remediation(), 4000),
					truncate(String.join("\n", c.references()), 8000) });
			for (CheckResult r : e.results()) {
				results
					.add(new Object[] { runId, c.id(), r.accountId(), truncate(r.resource(), 2048), r.status().name(),
							truncate(r.reason(), 4000), truncate(String.join("\n", r.evidence()), 4000) });
			}
		}
		jdbc.batchUpdate("INSERT INTO ev_control (run_id, control_id, title, objective, responsibility, check_id, "
				+ "status, remediation, reference_urls) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", controls);
		jdbc.batchUpdate("INSERT INTO ev_control_result (run_id, control_id, account_id, resource, status, reason, "
				+ "evidence_refs) VALUES (?, ?, ?, ?, ?, ?, ?)", results);
	}

	/** Replaces the run's framework roll-ups. */
	public void replaceFrameworks(String runId, List<FrameworkEvaluator.FrameworkResult> frameworks) {
		jdbc.update("DELETE FROM ev_framework_requirement WHERE run_id = ?", runId);
		jdbc.update("DELETE FROM ev_framework WHERE run_id = ?", runId);
		List<Object[]> rows = new ArrayList<>();
		for (FrameworkEvaluator.FrameworkResult f : frameworks) {
			Framework fw = f.framework();
			jdbc.update("INSERT INTO ev_framework (run_id, framework_id, name, version, source) VALUES (?, ?, ?, ?, ?)",
					runId, fw.id(), fw.name(), fw.version(), fw.source());
			int position = 0;
			for (FrameworkEvaluator.RequirementResult r : f.requirements()) {
				rows.add(new Object[] { runId, fw.id(), r.requirement().id(), position++,
						truncate(r.requirement().name(), 2048), r.status().name(),
						truncate(String.join(",", r.requirement().controls()), 4000) });
			}
		}
		jdbc.batchUpdate("INSERT INTO ev_framework_requirement (run_id, framework_id, requirement_id, position, name, "
				+ "status, controls) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	/** A control with its results and overall status. */
	public record Evaluated(Control control, List<CheckResult> results, Status status) {
	}

}
