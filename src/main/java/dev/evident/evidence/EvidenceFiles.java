package dev.evident.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes evidence files into a run's staging folder, hashing while writing, and records
 * each one (path, sha256, size, source operation, parameters, region, account,
 * collected-at) in {@code ev_evidence_file}. The record is keyed by path, so writing the
 * same file again on a restart replaces it instead of adding a second entry.
 */
@Repository
public class EvidenceFiles {

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	public EvidenceFiles(JdbcTemplate jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** Writes bytes to {@code root/relativePath} and records the file. */
	public Written write(String runId, Path root, String relativePath, byte[] content, Source source) {
		return write(runId, root, relativePath, out -> out.write(content), source);
	}

	/**
	 * Streams content to {@code root/relativePath} through a digest and records the file.
	 */
	public Written write(String runId, Path root, String relativePath, ContentWriter content, Source source) {
		Written written = writeFile(root, relativePath, content);
		record(runId, written, source);
		return written;
	}

	/**
	 * Streams content to {@code root/relativePath} through a digest, without recording
	 * it: the caller records it with {@link #record} (for example with other rows in one
	 * transaction).
	 */
	public Written writeFile(Path root, String relativePath, ContentWriter content) {
		Path target = resolveInside(root, relativePath);
		try {
			Files.createDirectories(target.getParent());
			Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
			long size;
			String hash;
			try (HashingOutputStream hashed = HashingOutputStream.toFile(tmp)) {
				content.writeTo(hashed);
				size = hashed.count();
				hash = hashed.sha256();
			}
			catch (IOException | RuntimeException ex) {
				// A file that could not be written whole is not evidence: leave nothing
				// behind.
				Files.deleteIfExists(tmp);
				throw ex;
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return new Written(relativePath, hash, size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write evidence file " + relativePath, ex);
		}
	}

	public void record(String runId, Written file, Source source) {
		jdbc.update(
				dialect.upsert("ev_evidence_file", List.of("run_id", "path"), "run_id", "path", "sha256", "size_bytes",
						"operation", "parameters", "region", "account_id", "collected_at"),
				runId, file.path(), file.sha256(), file.size(), source.operation(), source.parameters(),
				source.region(), source.accountId(), Timestamps.utc(source.collectedAt()));
	}

	public List<Recorded> list(String runId) {
		return jdbc.query(
				"SELECT path, sha256, size_bytes, operation, parameters, region, account_id, collected_at "
						+ "FROM ev_evidence_file WHERE run_id = ? ORDER BY path",
				(rs, i) -> new Recorded(new Written(rs.getString(1), rs.getString(2), rs.getLong(3)),
						new Source(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
								Timestamps.instant(rs, "collected_at"))),
				runId);
	}

	static Path resolveInside(Path root, String relativePath) {
		Path target = root.resolve(relativePath).normalize();
		if (!target.startsWith(root.normalize()) || relativePath.startsWith("/")) {
			throw new IllegalArgumentException("evidence path escapes the package: " + relativePath);
		}
		return target;
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The SHA-256 of a file, in lowercase hex, read in blocks. */
	public static String sha256Hex(Path file) throws IOException {
		MessageDigest sha = sha256();
		try (var in = new java.security.DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return java.util.HexFormat.of().formatHex(sha.digest());
	}

	/** Writes the content of one file. */
	@FunctionalInterface
	public interface ContentWriter {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Where a file came from: the API operation and its parameters, the region and the
	 * account.
	 */
	public record Source(String operation, String parameters, String region, String accountId, Instant collectedAt) {
	}

	/** A file as written: its path in the package, sha256 and size. */
	public record Written(String path, String sha256, long size) {
	}

	/** A file and its source, as recorded. */
	public record Recorded(Written file, Source source) {
	}

}
