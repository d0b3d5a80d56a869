package dev.evident.report;

import java.nio.file.Path;

import dev.evident.run.EvidentProperties;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.RenderedFileTasklet;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;
import dev.evident.run.RunLayout;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code renderReport} step. It runs after {@code writeManifest}, so that the cover
 * can quote the SHA-256 of the package's manifest.json, and it attaches results.json
 * inside the PDF.
 */
@Configuration(proxyBeanMethods = false)
public class ReportStepConfiguration {

	@Bean
	Step renderReport(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, PdfReportRenderer renderer, Progress progress, EvidentProperties settings) {
		return new StepBuilder("renderReport", jobRepository)
			.tasklet(new RenderedFileTasklet(runs, files, RunLayout.REPORT, (run, target) -> {
				Path staging = run.layout().staging();
				var stamp = new ReportStamp(settings.version(),
						EvidenceFiles.sha256Hex(staging.resolve(RunLayout.MANIFEST)),
						staging.resolve(RunLayout.RESULTS));
				return renderer.render(run.runId(), target, stamp);
			}), transactionManager)
			.listener(new ProgressListener(progress))
			.build();
	}

}
