package dev.evident.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.ReportModel.Run;
import dev.evident.report.ReportModel.StatusRow;

/**
 * Reads the PDF's model from the evidence store, one query class per section: aggregate
 * queries plus bounded lists, so the cost does not grow with the number of findings.
 */
final class ReportQueries extends StoreReader {

	private final Clock clock;

	ReportQueries(JdbcTemplate jdbc, PdfSettings.Limits limits, Clock clock) {
		super(jdbc, limits);
		this.clock = clock;
	}

	ReportModel load(String runId, ReportStamp stamp) {
		Run run = run(runId, stamp);
		OffsetDateTime asOf = jdbc.queryForObject("SELECT as_of FROM ev_run WHERE run_id = ?", OffsetDateTime.class,
				runId);
		Map<String, String> accountNames = new HashMap<>();
		jdbc.query("SELECT account_id, name FROM ev_account WHERE run_id = ?", rs -> {
			accountNames.put(str(rs, 1), str(rs, 2));
		}, runId);
		Thresholds thresholds = Thresholds.read(jdbc, runId);

		SummaryQueries summary = new SummaryQueries(jdbc, limits);
		List<StatusRow> rows = summary.byResponsibility(runId);
		List<StatusRow> byResponsibility = rows.subList(0, rows.size() - 1);
		List<FrameworkSection.Summary> frameworks = summary.byFramework(runId);
		InventoryQueries inventory = new InventoryQueries(jdbc, limits);
		OrganizationQueries org = new OrganizationQueries(jdbc, limits);
		return new ReportModel(run, STATUSES, byResponsibility, rows.get(rows.size() - 1),
				SummaryQueries.chart(byResponsibility, false), frameworks, SummaryQueries.frameworkChart(frameworks),
				inventory.gaps(runId), new FrameworkQueries(jdbc, limits).sections(runId, frameworks),
				new ControlQueries(jdbc, limits).sections(runId),
				new InspectorQueries(jdbc, limits).load(runId, asOf, thresholds, accountNames),
				new IamQueries(jdbc, limits).load(runId, asOf, thresholds),
				new NetworkQueries(jdbc, limits).load(runId, accountNames), org.tree(runId), org.scps(runId),
				inventory.artifacts(runId, run.period()), inventory.files(runId));
	}

	private Run run(String runId, ReportStamp stamp) {
		try {
			return jdbc.queryForObject("""
					SELECT r.run_id, r.period, r.as_of, r.source, r.started_at,
					       COALESCE(o.org_id, r.org_id), o.arn, o.feature_set,
					       COALESCE(o.management_account_id, r.management_account_id), o.management_email,
					       o.root_id, o.scp_enabled,
					       (SELECT COUNT(*) FROM ev_account a WHERE a.run_id = r.run_id), r.caller_account_id
					FROM ev_run r LEFT JOIN ev_organization o ON o.run_id = r.run_id
					WHERE r.run_id = ?""",
					(rs, i) -> new Run(str(rs, 1), str(rs, 2), instant(rs, 3), str(rs, 4), instant(rs, 5),
							INSTANT.format(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)), str(rs, 6),
							str(rs, 7), str(rs, 8), str(rs, 9), str(rs, 10), str(rs, 11),
							rs.getObject(12) == null ? null : String.valueOf(rs.getBoolean(12)), rs.getLong(13),
							str(rs, 14), PdfText.clean(stamp.toolVersion()), stamp.manifestSha256(),
							stamp.resultsJson() == null ? null : PdfAttachment.NAME),
					runId);
		}
		catch (EmptyResultDataAccessException e) {
			throw new IllegalArgumentException("no evidence run with id " + runId, e);
		}
	}

}
