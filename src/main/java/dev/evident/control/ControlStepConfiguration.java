package dev.evident.control;

import java.nio.file.Path;
import java.util.List;

import dev.evident.run.EvidentProperties;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.PlannerStatistics;
import dev.evident.evidence.Runs;
import dev.evident.run.Progress;
import dev.evident.run.ProgressListener;
import dev.evident.manual.ManualEvidenceFolder;
import dev.evident.organizations.OrganizationStore;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The control catalog, validated at start-up, and the {@code evaluateControls} step. */
@Configuration(proxyBeanMethods = false)
public class ControlStepConfiguration {

	@Bean
	CheckRegistry checkRegistry(List<Check> checks) {
		return new CheckRegistry(checks);
	}

	@Bean
	ControlCatalog controlCatalog(CheckRegistry checks, EvidentProperties settings) {
		String mappingsDir = settings.mappingsDir();
		return new MappingsLoader(checks.byId()).load(mappingsDir.isBlank() ? null : Path.of(mappingsDir),
				settings.controlOverrides().stream().filter(o -> !o.isBlank()).toList());
	}

	/** The control ids that {@code --manual-evidence} subfolders may name. */
	@Bean
	ManualEvidenceFolder.ControlIds manualEvidenceControlIds(ControlCatalog catalog) {
		return id -> catalog.find(id).isPresent();
	}

	@Bean
	Step evaluateControls(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ControlCatalog catalog, CheckRegistry checks, ControlResultStore results, Runs runs,
			OrganizationStore organizations, Gaps gaps, EvidenceFiles files, JdbcTemplate jdbc, Progress progress,
			PlannerStatistics statistics) {
		return new StepBuilder("evaluateControls", jobRepository)
			.tasklet(new EvaluateControlsTasklet(catalog, new ControlEvaluator(checks.byId()), results, runs,
					organizations, gaps, files, jdbc), transactionManager)
			.listener(statistics)
			.listener(new ProgressListener(progress))
			.build();
	}

}
