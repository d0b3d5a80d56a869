package dev.evident.control.checks;

import java.util.List;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.control.Status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A control that no API can evidence: it reads MANUAL, with the files supplied under
 * {@code --manual-evidence DIR/<control-id>/} (hashed and bundled under {@code manual/}),
 * or MANUAL awaiting evidence.
 */
@Component
public class ManualEvidence implements Check {

	@Override
	public List<String> reads() {
		return List.of("manual");
	}

	private final JdbcTemplate jdbc;

	public ManualEvidence(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		String prefix = "manual/" + ctx.controlId() + "/";
		List<String> files = jdbc.queryForList(
				"SELECT path FROM ev_evidence_file WHERE run_id = ? AND path LIKE ? " + "ORDER BY path", String.class,
				ctx.runId(), prefix + "%");
		String account = ctx.managementAccountId();
		if (files.isEmpty()) {
			return List.of(new CheckResult(
					account, ctx.controlId(), Status.MANUAL, "Awaiting manual evidence: put "
							+ "the files that show this control in <manual-evidence folder>/" + ctx.controlId() + "/.",
					List.of()));
		}
		return List.of(new CheckResult(account, ctx.controlId(), Status.MANUAL,
				files.size() + " file(s) of manual evidence attached for review: "
						+ String.join(", ", files.stream().map(f -> f.substring(prefix.length())).toList()) + ".",
				files));
	}

}
