package dev.evident.report;

import java.nio.file.Path;

/**
 * What the report states about the package it belongs to, known only when the report is
 * rendered: the tool's version, the SHA-256 of the package's manifest.json (the report is
 * the one file the manifest cannot list, since its cover quotes the manifest's hash), and
 * results.json to attach.
 *
 * @param toolVersion the version of Evident that rendered the report
 * @param manifestSha256 the SHA-256 of manifest.json, or null when rendering without a
 * package
 * @param resultsJson results.json, attached inside the PDF (PDF/A-3 associated file), or
 * null
 */
public record ReportStamp(String toolVersion, String manifestSha256, Path resultsJson) {

	public static ReportStamp none() {
		return new ReportStamp("dev", null, null);
	}
}
