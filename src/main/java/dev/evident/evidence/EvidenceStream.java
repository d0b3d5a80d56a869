package dev.evident.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.evident.evidence.EvidenceFiles.Source;
import dev.evident.evidence.EvidenceFiles.Written;

/**
 * An evidence file written a piece at a time by a caller that pulls its content (a
 * download parsed as it arrives), hashed while written: {@link #commit()} moves it into
 * place and records it like {@link EvidenceFiles#write}; {@link #close()} without a
 * commit deletes what was written, so a partial file is never evidence.
 */
public final class EvidenceStream implements AutoCloseable {

	private final EvidenceFiles files;

	private final String runId;

	private final Path target;

	private final Path tmp;

	private final String relativePath;

	private final Source source;

	private final HashingOutputStream out;

	private boolean done;

	public EvidenceStream(EvidenceFiles files, String runId, Path root, String relativePath, Source source) {
		this.files = files;
		this.runId = runId;
		this.relativePath = relativePath;
		this.source = source;
		this.target = EvidenceFiles.resolveInside(root, relativePath);
		this.tmp = target.resolveSibling(target.getFileName() + ".tmp");
		try {
			Files.createDirectories(target.getParent());
			this.out = HashingOutputStream.toFile(tmp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write evidence file " + relativePath, ex);
		}
	}

	/** Where the content goes; every byte written is hashed. */
	public OutputStream output() {
		return out;
	}

	/** Bytes written so far. */
	public long size() {
		return out.count();
	}

	/** Closes the file, moves it into place and records it with its hash. */
	public Written commit() {
		try {
			out.close();
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write evidence file " + relativePath, ex);
		}
		done = true;
		Written written = new Written(relativePath, out.sha256(), out.count());
		files.record(runId, written, source);
		return written;
	}

	/** Deletes the partial file unless it was committed. */
	@Override
	public void close() {
		if (done) {
			return;
		}
		done = true;
		try {
			out.close();
			Files.deleteIfExists(tmp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete partial evidence file " + relativePath, ex);
		}
	}

}
