package dev.evident.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import dev.evident.evidence.EvidenceFiles;

/** Records a rendered output (the workbook, the report) in the manifest with its hash. */
final class RenderedFile {

	private RenderedFile() {
	}

	static void record(EvidenceFiles files, String runId, Path root, String name, String operation) throws IOException {
		Path file = root.resolve(name);
		MessageDigest sha = EvidenceFiles.sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		files.record(runId, new EvidenceFiles.Written(name, HexFormat.of().formatHex(sha.digest()), Files.size(file)),
				new EvidenceFiles.Source(operation, null, null, null, Instant.now()));
	}

}
