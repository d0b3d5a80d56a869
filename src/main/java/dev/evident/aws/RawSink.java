package dev.evident.aws;

import java.nio.file.Path;
import java.time.Instant;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.EvidenceFiles.ContentWriter;
import dev.evident.evidence.EvidenceFiles.Source;
import dev.evident.evidence.EvidenceFiles.Written;

import software.amazon.awssdk.core.SdkPojo;

/**
 * Keeps API responses as raw evidence under {@code raw/<account>/<service>/}, each
 * recorded with its operation, parameters, region, account and collection time.
 */
public final class RawSink {

	private final EvidenceFiles files;

	private final String runId;

	private final Path packageRoot;

	private final String accountId;

	private final String region;

	public RawSink(EvidenceFiles files, String runId, Path packageRoot, String accountId, String region) {
		this.files = files;
		this.runId = runId;
		this.packageRoot = packageRoot;
		this.accountId = accountId;
		this.region = region;
	}

	public RawSink inRegion(String otherRegion) {
		return new RawSink(files, runId, packageRoot, accountId, otherRegion);
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
		return files.write(runId, packageRoot, path, content,
				new Source(service + ":" + operation, parameters, region, accountId, Instant.now()));
	}

}
