package dev.evident.inspector;

import dev.evident.evidence.FindingRow;
import java.nio.file.Path;
import java.util.Locale;

import dev.evident.aws.RawSink;
import dev.evident.evidence.EvidenceFiles;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import software.amazon.awssdk.services.inspector2.model.Finding;
import software.amazon.awssdk.services.inspector2.model.Resource;

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
			store.upsert(runId, page.response().findings().stream().map(f -> row(page.region(), f)).toList());
		}
	}

	/** The row of a finding as the SDK returned it from ListFindings. */
	static FindingRow row(String region, Finding f) {
		Resource resource = f.resources().isEmpty() ? null : f.resources().get(0);
		String vulnerability = f.packageVulnerabilityDetails() != null
				? f.packageVulnerabilityDetails().vulnerabilityId() : null;
		return new FindingRow(f.findingArn(), f.awsAccountId(), region, f.severityAsString(), f.statusAsString(),
				f.typeAsString(), f.title(), vulnerability, resource == null ? null : resource.typeAsString(),
				resource == null ? null : resource.id(), f.inspectorScore(), f.fixAvailableAsString(),
				f.exploitAvailableAsString(), f.firstObservedAt(), f.lastObservedAt(), f.updatedAt());
	}

}
