package dev.evident.run;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where one package's files go. Paths are built from ids only, never from names that come
 * from AWS. Everything is written under a hidden staging folder and moved into place by
 * the seal step, so a crash never leaves a folder that looks like a complete package.
 *
 * @param packageId the package's own id: the run id for the package a collection seals; a
 * new id for each package {@code evident render} builds again from a run's evidence
 */
public record RunLayout(Path out, String orgId, Period period, String packageId) {

	/** The job parameter of a rendering's own package id. */
	public static final String PACKAGE_ID = "package.id";

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
		requireSafe(packageId, "package id");
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
		return periodDir().resolve("." + packageId + ".partial");
	}

	/** The finished package folder. */
	public Path packageDir() {
		return periodDir().resolve(packageId);
	}

	/** The layout of another package of the same organization and period. */
	public RunLayout withPackageId(String otherPackageId) {
		return new RunLayout(out, orgId, period, otherPackageId);
	}

	public Path bundle() {
		return periodDir().resolve("evident-" + orgId + "-" + period + "-" + packageId + ".zip");
	}
}
