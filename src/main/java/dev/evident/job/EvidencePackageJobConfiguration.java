package dev.evident.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code evidencePackage} job: discover the organization, collect every account's IAM
 * and its network (each partitioned by account), the findings and the Artifact reports,
 * evaluate the controls, render, and seal.
 */
@Configuration(proxyBeanMethods = false)
public class EvidencePackageJobConfiguration {

	public static final String JOB_NAME = "evidencePackage";

	@Bean
	Job evidencePackage(JobRepository jobRepository, @Qualifier("discoverOrganization") Step discoverOrganization,
			@Qualifier("collectAccounts") Step collectAccounts, @Qualifier("collectNetwork") Step collectNetwork,
			@Qualifier("collectEntryPoints") Step collectEntryPoints,
			@Qualifier("collectFindings") Step collectFindings, @Qualifier("collectCoverage") Step collectCoverage,
			@Qualifier("collectArtifactReports") Step collectArtifactReports,
			@Qualifier("collectManualEvidence") Step collectManualEvidence,
			@Qualifier("evaluateControls") Step evaluateControls, @Qualifier("renderWorkbook") Step renderWorkbook,
			@Qualifier("writeManifest") Step writeManifest, @Qualifier("renderReport") Step renderReport,
			@Qualifier("seal") Step seal) {
		return new JobBuilder(JOB_NAME, jobRepository).start(discoverOrganization)
			.next(collectAccounts)
			.next(collectNetwork)
			.next(collectEntryPoints)
			.next(collectFindings)
			.next(collectCoverage)
			.next(collectArtifactReports)
			.next(collectManualEvidence)
			.next(evaluateControls)
			.next(renderWorkbook)
			.next(writeManifest)
			.next(renderReport)
			.next(seal)
			.build();
	}

}
