package dev.evident.workbook;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.PlannerStatistics;
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

/** The {@code renderWorkbook} step: the Excel workbook, streamed from the store. */
@Configuration(proxyBeanMethods = false)
public class WorkbookStepConfiguration {

	@Bean
	Step renderWorkbook(JobRepository jobRepository, PlatformTransactionManager transactionManager, Runs runs,
			EvidenceFiles files, WorkbookRenderer renderer, Progress progress, PlannerStatistics statistics) {
		return new StepBuilder("renderWorkbook", jobRepository)
			.tasklet(new RenderedFileTasklet(runs, files, RunLayout.WORKBOOK,
					(run, target) -> renderer.render(run.runId(), target)), transactionManager)
			.listener(statistics)
			.listener(new ProgressListener(progress))
			.build();
	}

}
