package dev.evident.inspector;

import java.nio.file.Path;
import java.util.Locale;

import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each ListFindings page raw (as evidence) and its findings to the store, in the
 * chunk's transaction; rows of a findings report go to the store (the report's reader
 * keeps the report itself as evidence).
 */
public class FindingsPageWriter implements ItemWriter<FindingsItem> {

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
	public void write(Chunk<? extends FindingsItem> chunk) {
		for (FindingsItem item : chunk) {
			if (item instanceof ExportedFindings exported) {
				store.upsert(runId, exported.rows());
				continue;
			}
			FindingsPage page = (FindingsPage) item;
			new RawSink(files, runId, packageRoot, page.accountId(), page.region()).json("inspector2",
					page.region() + "/ListFindings-" + (page.chain() == null ? "" : page.chain() + "-")
							+ String.format(Locale.ROOT, "%06d", page.page()),
					"ListFindings", page.parameters(), page.response());
			store.upsert(runId, page.response().findings().stream().map(f -> FindingRow.of(page.region(), f)).toList());
		}
	}

}
