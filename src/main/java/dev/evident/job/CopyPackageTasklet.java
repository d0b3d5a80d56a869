package dev.evident.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.evident.bundle.Signer;
import dev.evident.evidence.Runs;
import dev.evident.evidence.RunContext;
import dev.evident.run.RunLayout;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step of {@code renderPackage}: the new package starts from the raw evidence
 * of the run's sealed package, hard-linked where the file system allows, else copied;
 * every output the job rebuilds (results, workbook, report, manifest, its signature,
 * sums, README) is left behind. The run's own package is never changed. The copy lands in
 * staging in one move, so a restart finds it whole or not at all.
 */
public class CopyPackageTasklet implements Tasklet {

	/** The files the render job writes again. */
	static final Set<String> REBUILT = Set.of(RunLayout.RESULTS, RunLayout.WORKBOOK, RunLayout.REPORT,
			RunLayout.MANIFEST, Signer.SIGNATURE, RunLayout.SUMS, RunLayout.README);

	private final Runs runs;

	public CopyPackageTasklet(Runs runs) {
		this.runs = runs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
		RunLayout target = run.layout();
		if (Files.isDirectory(target.staging())) {
			return RepeatStatus.FINISHED;
		}
		Path source = target.withPackageId(run.runId()).packageDir();
		if (!Files.isDirectory(source)) {
			throw new IllegalStateException("the package folder " + source
					+ " with the run's raw evidence is missing; render builds a new package from it");
		}
		Path copying = target.periodDir().resolve("." + target.packageId() + ".copying");
		deleteTree(copying);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(source)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		for (Path file : files) {
			Path relative = source.relativize(file);
			if (relative.getNameCount() == 1 && REBUILT.contains(relative.toString())) {
				continue;
			}
			Path copy = copying.resolve(relative.toString());
			Files.createDirectories(copy.getParent());
			link(file, copy);
			contribution.incrementWriteCount(1);
		}
		Files.createDirectories(copying);
		Files.move(copying, target.staging(), StandardCopyOption.ATOMIC_MOVE);
		return RepeatStatus.FINISHED;
	}

	private static void link(Path file, Path copy) throws IOException {
		try {
			Files.createLink(copy, file);
		}
		catch (IOException | UnsupportedOperationException ex) {
			Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
