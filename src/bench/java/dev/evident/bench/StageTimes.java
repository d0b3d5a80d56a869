package dev.evident.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The steps of one run and of its job, with start and end instants, read from the job
 * repository (Spring Batch's BATCH_* tables).
 */
record StageTimes(Instant jobStart, Instant jobEnd, Map<String, Window> steps) {

	record Window(Instant start, Instant end) {

		double seconds() {
			return Duration.between(start, end).toNanos() / 1e9;
		}

	}

	static StageTimes of(JdbcTemplate jdbc, String runId) {
		Long execution = jdbc.queryForObject("""
				SELECT MAX(p.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION_PARAMS p
				WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ?""", Long.class, runId);
		Map<String, Object> job = jdbc.queryForMap(
				"SELECT START_TIME AS S, END_TIME AS E FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution);
		Map<String, Window> steps = new LinkedHashMap<>();
		jdbc.query("""
				SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION
				WHERE JOB_EXECUTION_ID = ? AND STEP_NAME NOT LIKE '%:%' ORDER BY STEP_EXECUTION_ID""", rs -> {
			steps.put(rs.getString(1), new Window(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
		}, execution);
		return new StageTimes(((Timestamp) job.get("S")).toInstant(), ((Timestamp) job.get("E")).toInstant(), steps);
	}

	Window job() {
		return new Window(jobStart, jobEnd);
	}

	Window step(String name) {
		Window w = steps.get(name);
		if (w == null) {
			throw new IllegalArgumentException("no step " + name + " in " + steps.keySet());
		}
		return w;
	}

}
