package dev.evident.report;

import dev.evident.run.ReportingPeriod;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.ReportModel.Artifact;
import dev.evident.report.ReportModel.Bounded;
import dev.evident.report.ReportModel.EvidenceFile;
import dev.evident.report.ReportModel.Gap;

/**
 * Bounded inventories: evidence gaps, AWS Artifact reports (with whether each covers the
 * reporting period) and the files of the package.
 */
final class InventoryQueries extends StoreReader {

	InventoryQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	Bounded<Gap> gaps(String runId) {
		List<Gap> rows = bounded("""
				SELECT g.account_id, a.name, g.source, g.error_code, g.message, g.recorded_at
				FROM ev_gap g LEFT JOIN ev_account a ON a.run_id = g.run_id AND a.account_id = g.account_id
				WHERE g.run_id = ? ORDER BY g.account_id, g.source""", limits.tableRows(),
				(rs, i) -> new Gap(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4), str(rs, 5), instant(rs, 6)), runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_gap WHERE run_id = ?", runId));
	}

	Bounded<Artifact> artifacts(String runId, String period) {
		List<Artifact> rows = bounded("""
				SELECT name, series, version, period_start, period_end, document_sha256 FROM ev_artifact_report
				WHERE run_id = ? ORDER BY series, name, report_id""", limits.tableRows(), (rs, i) -> {
			long v = rs.getLong(3);
			String version = rs.wasNull() ? "" : Long.toString(v);
			String from = day(rs, 4);
			String to = day(rs, 5);
			String range = from.isEmpty() && to.isEmpty() ? "" : from + " – " + to;
			Boolean covers = ReportingPeriod.covers(period, rs.getObject(4, OffsetDateTime.class),
					rs.getObject(5, OffsetDateTime.class));
			return new Artifact(str(rs, 1), str(rs, 2), version, range, covers == null ? "" : covers ? "yes" : "no",
					str(rs, 6));
		}, runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_artifact_report WHERE run_id = ?", runId));
	}

	Bounded<EvidenceFile> files(String runId) {
		List<EvidenceFile> rows = bounded(
				"SELECT path, sha256, size_bytes FROM ev_evidence_file WHERE run_id = ? ORDER BY path",
				limits.tableRows(), (rs, i) -> new EvidenceFile(str(rs, 1), str(rs, 2), rs.getLong(3)), runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_evidence_file WHERE run_id = ?", runId));
	}

}
