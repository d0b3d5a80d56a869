package dev.evident.job;

import java.nio.file.Files;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.PlannerStatistics;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.bundle.PackageManifest;
import dev.evident.control.EvaluateControlsTasklet;
import dev.evident.report.PdfReportRenderer;
import dev.evident.report.ReportStamp;
import dev.evident.workbook.WorkbookRenderer;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code renderWorkbook} and {@code renderReport} steps: outputs built from the store
 * alone.
 */
@Configuration(proxyBeanMethods = false)
public class RenderStepConfiguration {

	public static final String WORKBOOK = "evidence-workbook.xlsx";

	public static final String REPORT = PackageManifest.REPORT;

	@Bean
	Step renderWorkbook(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, WorkbookRenderer renderer, Progress progress, PlannerStatistics statistics) {
		return new StepBuilder("renderWorkbook", jobRepository)
			.tasklet(render(runs, files, WORKBOOK, "evident:renderWorkbook",
					(runId, target) -> renderer.render(runId, target)), transactionManager)
			.listener(statistics)
			.listener(new ProgressListener(progress))
			.build();
	}

	/**
	 * The report comes last: the package's manifest is written first, so that the
	 * report's cover can quote its hash, and results.json is attached inside the PDF.
	 */
	@Bean
	Step renderReport(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, PdfReportRenderer renderer, Progress progress,
			@Value("${evident.version:dev}") String version, @Value("${evident.sign.keystore:}") String keystore) {
		Tasklet report = (contribution, chunk) -> {
			RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
			String manifestSha = PackageManifest.write(run, files, version, !keystore.isBlank());
			ReportStamp stamp = new ReportStamp(version, manifestSha,
					run.layout().staging().resolve(EvaluateControlsTasklet.RESULTS_FILE));
			return render(runs, files, REPORT, "evident:renderReport",
					(runId, target) -> renderer.render(runId, target, stamp))
				.execute(contribution, chunk);
		};
		return new StepBuilder("renderReport", jobRepository).tasklet(report, transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

	private static Tasklet render(Runs runs, EvidenceFiles files, String name, String operation, Renderer renderer) {
		return (contribution, chunk) -> {
			RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
			var root = run.layout().staging();
			Files.createDirectories(root);
			var tmp = root.resolve(name + ".tmp");
			EvidenceFiles.Written written = renderer.render(run.runId(), tmp);
			Files.move(tmp, root.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			files.record(run.runId(), new EvidenceFiles.Written(name, written.sha256(), written.size()),
					new EvidenceFiles.Source(operation, null, null, null, java.time.Instant.now()));
			return RepeatStatus.FINISHED;
		};
	}

	@FunctionalInterface
	interface Renderer {

		/** Renders to {@code target}, returning the SHA-256 and size of what it wrote. */
		EvidenceFiles.Written render(String runId, java.nio.file.Path target) throws Exception;

	}

}
