package dev.evident.artifact;

import java.util.List;

import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Artifact reports in the evidence store, keyed by run and report id. */
@Repository
public class ArtifactReportStore {

	private final JdbcTemplate jdbc;

	private final String upsert;

	public ArtifactReportStore(JdbcTemplate jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.upsert = dialect.upsert("ev_artifact_report", List.of("run_id", "report_id"), "run_id", "report_id",
				"name", "series", "category", "version", "state", "period_start", "period_end", "document_path",
				"document_sha256", "document_size");
	}

	public void save(String runId, ArtifactReport r) {
		jdbc.update(upsert, runId, r.id(), r.name(), r.series(), r.category(), r.version(), r.state(),
				Timestamps.utc(r.periodStart()), Timestamps.utc(r.periodEnd()), r.documentPath(), r.documentSha256(),
				r.documentSize());
	}

	public List<ArtifactReport> list(String runId) {
		return jdbc.query(
				"SELECT report_id, name, series, category, version, state, period_start, period_end, "
						+ "document_path, document_sha256, document_size FROM ev_artifact_report WHERE run_id = ? "
						+ "ORDER BY series, report_id",
				(rs, i) -> new ArtifactReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, Long.class), rs.getString(6), Timestamps.instant(rs, "period_start"),
						Timestamps.instant(rs, "period_end"), rs.getString(9), rs.getString(10),
						rs.getObject(11, Long.class)),
				runId);
	}

}
