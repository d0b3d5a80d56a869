package dev.evident.bundle;

import dev.evident.run.RunLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import dev.evident.evidence.EvidenceFiles;

/**
 * Checks a bundle offline, without trusting it: every entry is read once as a stream
 * (nothing is extracted), its SHA-256 compared with SHA256SUMS and manifest.json, and a
 * detached signature over the manifest verified. Hostile input is bounded: unsafe names,
 * duplicate entries, too many entries and too many expanded bytes are refused before they
 * can do harm.
 */
public final class BundleVerifier {

	private final Limits limits;

	public BundleVerifier(Limits limits) {
		this.limits = limits;
	}

	public Report verify(Path bundle, X509Certificate trusted) throws IOException {
		Map<String, String> actual = new TreeMap<>();
		byte[] sums = null;
		byte[] manifest = null;
		byte[] signature = null;
		String root = null;
		long expanded = 0;
		Set<String> names = new HashSet<>();
		try (ZipInputStream zip = new ZipInputStream(java.nio.file.Files.newInputStream(bundle))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				String name = entry.getName();
				if (!names.add(name)) {
					throw new UnsafeBundleException("the bundle holds the entry " + name + " twice");
				}
				if (names.size() > limits.maxEntries()) {
					throw new UnsafeBundleException("the bundle holds more than " + limits.maxEntries() + " entries");
				}
				String path = safeName(name);
				if (entry.isDirectory()) {
					continue;
				}
				int slash = path.indexOf('/');
				String entryRoot = slash < 0 ? "" : path.substring(0, slash);
				if (root == null) {
					root = entryRoot;
				}
				if (slash < 0 || !entryRoot.equals(root)) {
					throw new UnsafeBundleException("entry " + name + " is outside the bundle's single top folder");
				}
				String relative = path.substring(slash + 1);
				MessageDigest sha = EvidenceFiles.sha256();
				boolean keep = relative.equals(RunLayout.SUMS) || relative.equals(RunLayout.MANIFEST)
						|| relative.equals(Signer.SIGNATURE);
				java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
				expanded += copy(zip, sha, keep ? kept : null, limits.maxExpandedBytes() - expanded);
				actual.put(relative, HexFormat.of().formatHex(sha.digest()));
				switch (relative) {
					case RunLayout.SUMS -> sums = kept.toByteArray();
					case RunLayout.MANIFEST -> manifest = kept.toByteArray();
					case Signer.SIGNATURE -> signature = kept.toByteArray();
					default -> {
					}
				}
			}
		}
		catch (ZipException ex) {
			throw new UnsafeBundleException("the bundle is not a readable zip file: " + ex.getMessage());
		}
		if (sums == null) {
			throw new UnsafeBundleException("the bundle has no SHA256SUMS");
		}
		return compare(actual, parseSums(sums), manifest, signature, trusted);
	}

	private Report compare(Map<String, String> actual, Map<String, String> expected, byte[] manifest, byte[] signature,
			X509Certificate trusted) {
		List<String> modified = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		List<String> unexpected = new ArrayList<>();
		expected.forEach((path, sha) -> {
			if (!actual.containsKey(path)) {
				missing.add(path);
			}
			else if (!actual.get(path).equals(sha)) {
				modified.add(path);
			}
		});
		actual.keySet()
			.stream()
			.filter(p -> !expected.containsKey(p) && !p.equals(RunLayout.SUMS) && !p.equals(Signer.SIGNATURE))
			.forEach(unexpected::add);
		List<String> manifestProblems = manifest == null ? List.of("manifest.json is missing")
				: ManifestCheck.problems(manifest, expected);
		Signer.Verification sig = signature == null ? null : Signer.verify(manifest, signature, trusted);
		return new Report(actual.size(), modified, missing, unexpected, manifestProblems, sig);
	}

	private static Map<String, String> parseSums(byte[] sums) {
		Map<String, String> expected = new TreeMap<>();
		for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			int split = line.indexOf("  ");
			if (split != 64) {
				throw new UnsafeBundleException("SHA256SUMS has a malformed line: " + line);
			}
			String path = line.substring(split + 2);
			if (expected.put(path, line.substring(0, split)) != null) {
				throw new UnsafeBundleException("SHA256SUMS lists " + path + " twice");
			}
		}
		return expected;
	}

	/** A name that cannot escape the folder it is extracted to. */
	static String safeName(String name) {
		String n = name.replace('\\', '/');
		if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("\0")) {
			throw new UnsafeBundleException("entry " + name + " has an absolute path");
		}
		for (String part : n.split("/")) {
			if (part.equals("..")) {
				throw new UnsafeBundleException("entry " + name + " escapes the bundle (zip slip)");
			}
		}
		return n;
	}

	private static long copy(InputStream in, MessageDigest sha, java.io.OutputStream keep, long budget)
			throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			total += n;
			if (total > budget) {
				throw new UnsafeBundleException("the bundle expands beyond the limit (a zip bomb?)");
			}
			sha.update(buffer, 0, n);
			if (keep != null) {
				keep.write(buffer, 0, n);
			}
		}
		return total;
	}

	/** Bounds for hostile bundles. */
	public record Limits(int maxEntries, long maxExpandedBytes) {

		public static Limits defaults() {
			return new Limits(2_000_000, 64L * 1024 * 1024 * 1024);
		}
	}

	/** What verification found. */
	public record Report(int files, List<String> modified, List<String> missing, List<String> unexpected,
			List<String> manifestProblems, Signer.Verification signature) {

		public boolean intact() {
			return modified.isEmpty() && missing.isEmpty() && unexpected.isEmpty() && manifestProblems.isEmpty()
					&& (signature == null || signature.valid());
		}
	}

	/** The bundle cannot be verified safely; the message says why. */
	public static class UnsafeBundleException extends RuntimeException {

		public UnsafeBundleException(String message) {
			super(message);
		}

	}

}
