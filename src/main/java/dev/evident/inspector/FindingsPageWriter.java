package dev.evident.inspector;

import java.nio.file.Path;
import java.util.Locale;

import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each page raw (as evidence) and its findings to the store, in the chunk's
 * transaction.
 */
public class FindingsPageWriter implements ItemWriter<FindingsPage> {

	private final String runId;

	private final Path packageRoot;

	private final EvidenceFiles files;

	private final FindingStore store;

	public FindingsPageWriter(String runId, Path packageRoot, EvidenceFiles files, FindingStore store) {
		this.runId = runId;
		this.packageRoot = packageRoot;
		this.files = files;
		this.store = store;
	}

	@Override
	public void write(Chunk<? extends FindingsPage> chunk) {
		for (FindingsPage page : chunk) {
			new RawSink(files, runId, packageRoot, page.accountId(), page.region()).json("inspector2",
					page.region() + "/ListFindings-" + (page.chain() == null ? "" : page.chain() + "-")
							+ String.format(Locale.ROOT, "%06d", page.page()),
					"ListFindings", page.parameters(), page.response());
			store.upsert(runId, page.region(), page.response().findings());
		}
	}

}
