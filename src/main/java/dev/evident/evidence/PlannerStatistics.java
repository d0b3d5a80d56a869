package dev.evident.evidence;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before a step that reads the evidence store at large (evaluating the controls,
 * rendering), refreshes PostgreSQL's planner statistics of the tables a run fills.
 * PostgreSQL analyzes a table on its own schedule (autovacuum), often minutes after a
 * collection wrote hundreds of thousands of rows into it; until then the planner plans
 * for the table as it was (docs/performance.md, PostgreSQL, has the figures). ANALYZE
 * reads a sample of a fixed size from each table, whatever its size. H2 needs none: it
 * analyzes a table itself after every 2,000 changed rows (its ANALYZE_AUTO).
 */
@Component
public class PlannerStatistics implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

	/** The tables a run fills, a row or more per account, finding, user or result. */
	private static final List<String> RUN_TABLES = List.of("ev_account", "ev_org_unit", "ev_policy", "ev_policy_target",
			"ev_credential_report_row", "ev_mfa_device", "ev_iam_principal", "ev_iam_policy", "ev_inspector_coverage",
			"ev_inspector_account", "ev_finding", "ev_finding_shortlist", "ev_artifact_report", "ev_evidence_file",
			"ev_gap", "ev_control_result");

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	public PlannerStatistics(JdbcTemplate jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void beforeStep(StepExecution step) {
		if (dialect != SqlDialect.POSTGRESQL) {
			return;
		}
		long started = System.nanoTime();
		jdbc.execute("ANALYZE " + String.join(", ", RUN_TABLES));
		log.debug("Planner statistics refreshed before {} in {} ms", step.getStepName(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
