package dev.evident.bundle;

import dev.evident.run.RunLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.RunContext;

/**
 * Writes the auditor's README.txt and manifest.json into a run's staging folder. The
 * manifest lists every evidence file; it is written just before the report, whose cover
 * quotes the manifest's hash, so the report is the one file it cannot list (SHA256SUMS
 * and the signature cover it).
 */
public final class PackageManifest {

	private PackageManifest() {
	}

	/** Writes README.txt and manifest.json, and returns the manifest's SHA-256. */
	public static String write(RunContext run, EvidenceFiles files, String toolVersion, boolean signed)
			throws IOException {
		var staging = run.layout().staging();
		Files.createDirectories(staging);
		files.write(run.runId(), staging, RunLayout.README,
				AuditorReadme.text(run.record(), run.packageId(), signed).getBytes(StandardCharsets.UTF_8),
				new EvidenceFiles.Source("evident:seal", null, null, null, Instant.now()));
		MessageDigest sha = EvidenceFiles.sha256();
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(staging.resolve(RunLayout.MANIFEST)),
				sha)) {
			new ManifestWriter().write(out, run.record(), run.packageId(), toolVersion, Instant.now(),
					files.list(run.runId()).stream().filter(f -> !f.file().path().equals(RunLayout.REPORT)).toList());
		}
		return HexFormat.of().formatHex(sha.digest());
	}

}
