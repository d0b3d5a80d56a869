package dev.evident.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.ReportModel.Bounded;
import dev.evident.report.ReportModel.ControlSection;
import dev.evident.report.ReportModel.EvidenceRef;
import dev.evident.report.ReportModel.Result;
import dev.evident.report.ReportModel.StatusRow;

/**
 * One section per control: objective, responsibility, results per account (failures
 * first) and the evidence files its results cite, with their SHA-256 digests.
 */
final class ControlQueries extends StoreReader {

	ControlQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	List<ControlSection> sections(String runId) {
		record Ctl(String id, String title, String objective, String resp, String check, String status,
				String remediation, List<String> references) {
		}
		List<Ctl> controls = jdbc.query("""
				SELECT control_id, title, objective, responsibility, check_id, status, remediation, reference_urls
				FROM ev_control WHERE run_id = ? ORDER BY control_id""", (rs, i) -> new Ctl(str(rs, 1), str(rs, 2),
				str(rs, 3), str(rs, 4), str(rs, 5), str(rs, 6), rs.getString(7), lines(rs.getString(8))), runId);
		Map<String, Map<String, Long>> counts = new HashMap<>();
		jdbc.query(
				"SELECT control_id, status, COUNT(*) FROM ev_control_result WHERE run_id = ? GROUP BY control_id, status",
				rs -> {
					counts.computeIfAbsent(str(rs, 1), k -> new HashMap<>()).put(str(rs, 2), rs.getLong(3));
				}, runId);
		String sql = """
				SELECT r.account_id, a.name, r.resource, r.status, r.reason
				FROM ev_control_result r
				LEFT JOIN ev_account a ON a.run_id = r.run_id AND a.account_id = r.account_id
				WHERE r.run_id = ? AND r.control_id = ?
				ORDER BY %s, r.account_id, r.resource""".formatted(STATUS_RANK.formatted("r.status"));
		List<ControlSection> sections = new ArrayList<>();
		int index = 0;
		for (Ctl c : controls) {
			List<Result> results = bounded(sql, limits.tableRows(), (rs, i) -> new Result(str(rs, 1), str(rs, 2),
					str(rs, 3), str(rs, 4), cssClass(str(rs, 4)), str(rs, 5)), runId, c.id());
			StatusRow perStatus = SummaryQueries.statusRow(c.id(), counts.getOrDefault(c.id(), Map.of()));
			sections
				.add(new ControlSection("control-" + (++index), c.id(), c.title(), c.objective(), c.resp(), c.check(),
						c.status(), cssClass(c.status()), perStatus.counts(), new Bounded<>(results, perStatus.total()),
						evidence(runId, c.id()), c.remediation(), c.references()));
		}
		return sections;
	}

	private static List<String> lines(String text) {
		return text == null || text.isBlank() ? List.of()
				: Arrays.stream(text.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	/**
	 * The distinct evidence references of a control's results, in path order: a file with
	 * its digest from {@code ev_evidence_file}, a folder ({@code .../}) with its file
	 * count.
	 */
	private Bounded<EvidenceRef> evidence(String runId, String controlId) {
		TreeSet<String> refs = new TreeSet<>();
		jdbc.query("SELECT DISTINCT evidence_refs FROM ev_control_result WHERE run_id = ? AND control_id = ?", rs -> {
			String v = rs.getString(1);
			if (v != null) {
				for (String ref : v.split("\n")) {
					if (!ref.isBlank()) {
						refs.add(ref.trim());
					}
				}
			}
		}, runId, controlId);
		List<EvidenceRef> rows = new ArrayList<>();
		for (String ref : refs) {
			if (rows.size() == limits.tableRows()) {
				break;
			}
			String path = PdfText.clean(ref);
			if (ref.endsWith("/")) {
				long files = count("SELECT COUNT(*) FROM ev_evidence_file WHERE run_id = ? AND path LIKE ? ESCAPE '!'",
						runId, like(ref));
				rows.add(new EvidenceRef(path, true, files, null, null));
				continue;
			}
			List<EvidenceRef> file = jdbc.query(
					"SELECT sha256, size_bytes FROM ev_evidence_file WHERE run_id = ? AND path = ?",
					(rs, i) -> new EvidenceRef(path, false, 1, str(rs, 1), Long.toString(rs.getLong(2))), runId, ref);
			rows.add(file.isEmpty() ? new EvidenceRef(path, false, 0, null, null) : file.get(0));
		}
		return new Bounded<>(rows, refs.size());
	}

	private static String like(String prefix) {
		return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

}
