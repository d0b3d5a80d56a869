package dev.evident.aws;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.EvidenceFiles.ContentWriter;
import dev.evident.evidence.EvidenceFiles.Source;
import dev.evident.evidence.EvidenceFiles.Written;

import software.amazon.awssdk.core.SdkPojo;

/**
 * Keeps API responses as raw evidence under {@code raw/<account>/<service>/}, each
 * recorded with its operation, parameters, region, account and collection time. A
 * {@link #deferred()} sink writes the files at once but records them only on
 * {@link #flush()}, so that a collector can record them together with the rows they back,
 * in one short transaction.
 */
public final class RawSink {

	private final EvidenceFiles files;

	private final String runId;

	private final Path packageRoot;

	private final String accountId;

	private final String region;

	private final List<Pending> pending;

	private record Pending(Written file, Source source) {
	}

	public RawSink(EvidenceFiles files, String runId, Path packageRoot, String accountId, String region) {
		this(files, runId, packageRoot, accountId, region, null);
	}

	private RawSink(EvidenceFiles files, String runId, Path packageRoot, String accountId, String region,
			List<Pending> pending) {
		this.files = files;
		this.runId = runId;
		this.packageRoot = packageRoot;
		this.accountId = accountId;
		this.region = region;
		this.pending = pending;
	}

	public RawSink inRegion(String otherRegion) {
		return new RawSink(files, runId, packageRoot, accountId, otherRegion, pending);
	}

	/**
	 * A sink that records its files only on {@link #flush()}; it may be written from
	 * several threads.
	 */
	public RawSink deferred() {
		return new RawSink(files, runId, packageRoot, accountId, region,
				Collections.synchronizedList(new ArrayList<>()));
	}

	/** Whether files were written since the last {@link #flush()}. */
	public boolean hasUnrecorded() {
		return pending != null && !pending.isEmpty();
	}

	/** Records the files written since the last flush (nothing for an immediate sink). */
	public void flush() {
		if (pending == null) {
			return;
		}
		List<Pending> written;
		synchronized (pending) {
			written = List.copyOf(pending);
			pending.clear();
		}
		written.forEach(p -> files.record(runId, p.file(), p.source()));
	}

	/** Writes one response as JSON at {@code raw/<account>/<service>/<name>.json}. */
	public Written json(String service, String name, String operation, String parameters, SdkPojo response) {
		return stream(service, name + ".json", operation, parameters, out -> SdkJson.write(response, out));
	}

	public Written bytes(String service, String fileName, String operation, String parameters, byte[] content) {
		return stream(service, fileName, operation, parameters, out -> out.write(content));
	}

	public Written stream(String service, String fileName, String operation, String parameters, ContentWriter content) {
		String path = "raw/" + accountId + "/" + service + "/" + fileName;
		Source source = new Source(service + ":" + operation, parameters, region, accountId, Instant.now());
		if (pending == null) {
			return files.write(runId, packageRoot, path, content, source);
		}
		Written written = files.writeFile(packageRoot, path, content);
		pending.add(new Pending(written, source));
		return written;
	}

}
