package dev.evident.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.EvidenceFiles.Recorded;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.run.RunLayout;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: writes manifest.json and SHA256SUMS over every recorded file, moves the
 * staging folder into place in one rename, and zips the package deterministically. Until
 * this step completes, no folder with the run id exists, so a crash never leaves a
 * package that looks complete.
 */
public class SealTasklet implements Tasklet {

	private final Runs runs;

	private final EvidenceFiles files;

	private final String toolVersion;

	private final Signer.SigningKey signingKey;

	public SealTasklet(Runs runs, EvidenceFiles files, String toolVersion, Signer.SigningKey signingKey) {
		this.runs = runs;
		this.files = files;
		this.toolVersion = toolVersion;
		this.signingKey = signingKey;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
		RunLayout layout = run.layout();
		Path staging = layout.staging();
		if (Files.isDirectory(staging)) {
			if (!Files.exists(staging.resolve(RunLayout.MANIFEST))) {
				PackageManifest.write(run, files, toolVersion, signingKey != null);
			}
			Path report = staging.resolve(RunLayout.REPORT);
			if (signingKey != null && Files.exists(report) && !signed(report)) {
				PdfSigner.sign(report, signingKey);
				files.record(run.runId(),
						new EvidenceFiles.Written(RunLayout.REPORT, EvidenceFiles.sha256Hex(report),
								Files.size(report)),
						new EvidenceFiles.Source("evident:seal", "signed", null, null, java.time.Instant.now()));
			}
			List<Recorded> recorded = files.list(run.runId());
			String manifestSha = EvidenceFiles.sha256Hex(staging.resolve(RunLayout.MANIFEST));
			String signatureSha = signingKey == null ? null : sign(staging);
			writeSums(staging, recorded, manifestSha, signatureSha);
			Files.move(staging, layout.packageDir(), StandardCopyOption.ATOMIC_MOVE);
			contribution.incrementWriteCount(recorded.size() + 2);
		}
		else if (!Files.isDirectory(layout.packageDir())) {
			throw new IllegalStateException("neither the staging folder nor the package of run " + run.runId()
					+ " exists under " + layout.periodDir());
		}
		DeterministicZip.zip(layout.packageDir(), run.packageId(), layout.bundle());
		return RepeatStatus.FINISHED;
	}

	/** A report signed by an earlier attempt of this step is not signed twice. */
	private static boolean signed(Path report) throws IOException {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(report.toFile())) {
			return !doc.getSignatureDictionaries().isEmpty();
		}
	}

	private String sign(Path staging) throws IOException {
		byte[] signature = Signer.sign(Files.readAllBytes(staging.resolve(RunLayout.MANIFEST)), signingKey);
		Files.write(staging.resolve(Signer.SIGNATURE), signature);
		return HexFormat.of().formatHex(EvidenceFiles.sha256().digest(signature));
	}

	/**
	 * The format of sha256sum: hash, two spaces, path; checkable with
	 * {@code sha256sum -c}.
	 */
	private static void writeSums(Path staging, List<Recorded> recorded, String manifestSha, String signatureSha)
			throws IOException {
		StringBuilder sums = new StringBuilder();
		for (Recorded r : recorded) {
			sums.append(r.file().sha256()).append("  ").append(r.file().path()).append('\n');
		}
		sums.append(manifestSha).append("  ").append(RunLayout.MANIFEST).append('\n');
		if (signatureSha != null) {
			sums.append(signatureSha).append("  ").append(Signer.SIGNATURE).append('\n');
		}
		Files.writeString(staging.resolve(RunLayout.SUMS), sums.toString(), StandardCharsets.UTF_8);
	}

}
