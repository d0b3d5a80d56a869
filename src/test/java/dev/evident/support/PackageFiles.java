package dev.evident.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a package's SHA256SUMS and recomputes hashes, as an auditor would with sha256sum
 * -c.
 */
public final class PackageFiles {

	private PackageFiles() {
	}

	public static Map<String, String> sums(Path packageDir) throws IOException {
		Map<String, String> sums = new LinkedHashMap<>();
		for (String line : Files.readAllLines(packageDir.resolve("SHA256SUMS"))) {
			int split = line.indexOf("  ");
			sums.put(line.substring(split + 2), line.substring(0, split));
		}
		return sums;
	}

	public static String sha256(Path file) throws IOException {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
