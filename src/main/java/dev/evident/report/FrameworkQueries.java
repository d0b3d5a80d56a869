package dev.evident.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.FrameworkSection.Requirement;
import dev.evident.report.ReportModel.Bounded;

/**
 * One section per framework of the run: every requirement in file order (MANUAL ones
 * included) with its status and controls.
 */
final class FrameworkQueries extends StoreReader {

	FrameworkQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	List<FrameworkSection> sections(String runId, List<FrameworkSection.Summary> summaries) {
		Map<String, FrameworkSection.Summary> byId = summaries.stream()
			.collect(Collectors.toMap(FrameworkSection.Summary::frameworkId, Function.identity()));
		record Fw(String id, String name, String version, String source) {
		}
		List<Fw> frameworks = jdbc.query(
				"SELECT framework_id, name, version, source FROM ev_framework WHERE run_id = ? ORDER BY framework_id",
				(rs, i) -> new Fw(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4)), runId);
		String sql = """
				SELECT requirement_id, name, status, controls FROM ev_framework_requirement
				WHERE run_id = ? AND framework_id = ? ORDER BY position, requirement_id""";
		List<FrameworkSection> sections = new ArrayList<>();
		int index = 0;
		for (Fw f : frameworks) {
			List<Requirement> rows = bounded(sql, limits.tableRows(), (rs, i) -> {
				String controls = str(rs, 4);
				return new Requirement(str(rs, 1), str(rs, 2), str(rs, 3), cssClass(str(rs, 3)),
						controls == null ? "" : String.join(", ", controls.split(",")));
			}, runId, f.id());
			FrameworkSection.Summary summary = byId.get(f.id());
			long total = summary == null ? rows.size() : summary.total();
			sections.add(new FrameworkSection("framework-" + (++index), f.id(), f.name(), f.version(), f.source(),
					summary, new Bounded<>(rows, total)));
		}
		return sections;
	}

}
