package dev.evident.run;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where one run's files go. Paths are built from ids only, never from names that come
 * from AWS. Everything is written under a hidden staging folder and moved into place by
 * the seal step, so a crash never leaves a folder that looks like a complete package.
 */
public record RunLayout(Path out, String orgId, Period period, String runId) {

	/**
	 * The PDF report, the one file manifest.json cannot list (its cover quotes the
	 * manifest's hash).
	 */
	public static final String REPORT = "evidence-report.pdf";

	public static final String WORKBOOK = "evidence-workbook.xlsx";

	public static final String RESULTS = "results.json";

	public static final String MANIFEST = "manifest.json";

	public static final String SUMS = "SHA256SUMS";

	public static final String README = "README.txt";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

	public RunLayout {
		requireSafe(orgId, "organization id");
		requireSafe(runId, "run id");
	}

	public static String requireSafe(String id, String what) {
		if (id == null || !SAFE_ID.matcher(id).matches() || id.contains("..")) {
			throw new IllegalArgumentException("unsafe " + what + " for a path: " + id);
		}
		return id;
	}

	public Path periodDir() {
		return out.resolve(orgId).resolve(period.toString());
	}

	/** The folder the steps write into while the run is in progress. */
	public Path staging() {
		return periodDir().resolve("." + runId + ".partial");
	}

	/** The finished package folder. */
	public Path packageDir() {
		return periodDir().resolve(runId);
	}

	public Path bundle() {
		return periodDir().resolve("evident-" + orgId + "-" + period + "-" + runId + ".zip");
	}
}
