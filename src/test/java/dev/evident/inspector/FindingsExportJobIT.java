package dev.evident.inspector;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.run.FindingsExport;
import dev.evident.run.RunParameters;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.model.Finding;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;
import dev.evident.support.PackageFiles;
import dev.evident.support.TestRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * collectFindings from findings reports ({@code --findings-export}) on the demo
 * organization: the same findings as ListFindings, the report kept raw and hashed,
 * refusals as gaps, and a broken download resumed with the same report.
 */
@DemoJobTest
class FindingsExportJobIT {

	static final String BUCKET = "evident-exports";

	static final String KMS_KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	/** Every column of a stored finding but the run. */
	static final String COLUMNS = "finding_arn, account_id, region, severity, status, type, title, vulnerability_id, "
			+ "resource_type, resource_id, inspector_score, fix_available, exploit_available, first_observed_at, "
			+ "last_observed_at, updated_at";

	@Autowired
	RunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	Simulator simulator = DemoSimulator.get();

	SimulatedOrganization demo = simulator.organization();

	String admin = demo.delegatedAdministrators()
		.stream()
		.filter(d -> d.servicePrincipal().equals("inspector2.amazonaws.com"))
		.map(d -> d.accountId())
		.findFirst()
		.orElse(demo.managementAccountId());

	@BeforeEach
	@AfterEach
	void resetSimulator() {
		Faults.of(simulator).reset();
		simulator.calls().reset();
	}

	@Test
	void exportStoresExactlyTheFindingsOfListFindingsAndKeepsTheReportAsHashedEvidence() throws Exception {
		// given: the same run read with ListFindings
		Outcome listed = launcher.launch(TestRuns.demo("export-list", out));
		assertThat(listed.status()).isEqualTo(BatchStatus.COMPLETED);
		simulator.calls().reset();
		Faults.of(simulator).findingsReportInProgressPolls(2);

		// when: the run reads findings reports instead
		Outcome exported = launcher.launch(export("export-run", null));

		// then: complete, with the demo's one gap only (the denied account)
		assertThat(exported.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(exported.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(jdbc.queryForList("SELECT source FROM ev_gap WHERE run_id = ?", String.class, exported.runId()))
			.containsExactly("account");

		// and the store holds exactly the same findings, column by column, suppressed and
		// closed ones too
		Map<String, Long> byStatus = byStatus(exported.runId());
		assertThat(byStatus).isEqualTo(byStatus(listed.runId())).containsOnlyKeys("ACTIVE", "SUPPRESSED", "CLOSED");
		assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(demo.findings().size());
		assertThat(byStatus.get("SUPPRESSED")).isEqualTo(count(demo.findings(), "SUPPRESSED")).isPositive();
		assertThat(byStatus.get("CLOSED")).isEqualTo(count(demo.findings(), "CLOSED")).isPositive();
		assertThat(difference(exported.runId(), listed.runId())).isZero();
		assertThat(difference(listed.runId(), exported.runId())).isZero();

		// and one report per region, waited for, and no ListFindings page
		List<String> regions = DemoSimulator.regions();
		assertThat(simulator.calls().count("inspector2:CreateFindingsReport")).isEqualTo(regions.size());
		assertThat(simulator.calls().count("inspector2:GetFindingsReportStatus")).isEqualTo(3L * regions.size());
		assertThat(simulator.calls().count("s3:GetObject")).isEqualTo(regions.size());
		assertThat(simulator.calls().count("inspector2:ListFindings")).isZero();

		// and each region's report is in the package, whole, with its hash in the
		// manifest
		// and SHA256SUMS
		Path pkg = exported.layout().orElseThrow().packageDir();
		JsonNode manifest = new ObjectMapper().readTree(pkg.resolve("manifest.json").toFile());
		Map<String, String> sums = PackageFiles.sums(pkg);
		for (String region : regions) {
			String path = "raw/" + admin + "/inspector2/" + region + "/findings-report.json";
			JsonNode entry = manifestEntry(manifest, path);
			assertThat(entry).as(path).isNotNull();
			assertThat(entry.path("operation").asText()).isEqualTo("s3:GetObject");
			assertThat(entry.path("parameters").asText()).contains("reportId=")
				.contains("s3://" + BUCKET + "/q3/findings/");
			assertThat(entry.path("sha256").asText()).isEqualTo(PackageFiles.sha256(pkg.resolve(path)))
				.isEqualTo(sums.get(path));
			JsonNode report = new ObjectMapper().readTree(pkg.resolve(path).toFile());
			assertThat(report.path("findings").size())
				.isEqualTo(demo.findings().stream().filter(f -> f.region().equals(region)).count());
		}
	}

	@Test
	void aFailedReportAndARefusedObjectAreEvidenceGaps() throws Exception {
		// given: reports fail in every region
		Faults.of(simulator).failFindingsReports("INVALID_PERMISSIONS");

		// when
		Outcome outcome = launcher.launch(export("export-failed", null));

		// then: complete with gaps, one per region, and no finding
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.GAPS);
		List<String> regions = DemoSimulator.regions();
		assertThat(
				jdbc.queryForList("SELECT source || ' ' || error_code FROM ev_gap WHERE run_id = ? AND account_id = ?",
						String.class, outcome.runId(), admin))
			.containsExactlyInAnyOrderElementsOf(
					regions.stream().map(r -> "inspector2:" + r + " INVALID_PERMISSIONS").toList());
		assertThat(count(outcome.runId())).isZero();

		// and when the reports succeed but the reader may not read the objects
		Faults.of(simulator).reset();
		Faults.of(simulator).denyObjectReads(BUCKET);
		Outcome denied = launcher.launch(export("export-denied", null));
		assertThat(denied.exitCode()).isEqualTo(ExitCode.GAPS);
		assertThat(
				jdbc.queryForList("SELECT source || ' ' || error_code FROM ev_gap WHERE run_id = ? AND account_id = ?",
						String.class, denied.runId(), admin))
			.containsExactlyInAnyOrderElementsOf(
					regions.stream().map(r -> "inspector2:" + r + " AccessDenied").toList());
		assertThat(count(denied.runId())).isZero();
		for (String region : regions) {
			Path report = denied.layout().orElseThrow().packageDir().resolve("raw/" + admin + "/inspector2/" + region);
			assertThat(report.resolve("findings-report.json")).doesNotExist();
			assertThat(report.resolve("findings-report.json.tmp")).doesNotExist();
		}
	}

	@Test
	void aBrokenDownloadResumesWithTheSameReportAndNoDuplicates() throws Exception {
		// given: the first download stops after 300 kB, once
		Faults.of(simulator).truncateObjectReads(1, 300_000);

		// when
		Outcome failed = launcher.launch(export("export-broken", null));

		// then: the run failed, some rows committed before the break
		assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(count(failed.runId())).isPositive().isLessThan(demo.findings().size());

		// when: the same command again
		Outcome resumed = launcher.launch(export("export-broken-again", null));

		// then: the same run completes with every finding once, from the same reports
		assertThat(resumed.runId()).isEqualTo(failed.runId());
		assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count(resumed.runId())).isEqualTo(demo.findings().size());
		assertThat(simulator.calls().count("inspector2:CreateFindingsReport"))
			.isEqualTo(DemoSimulator.regions().size());
		assertThat(simulator.calls().count("s3:GetObject")).isEqualTo(DemoSimulator.regions().size() + 1);
	}

	@Test
	void withAThresholdOnlyRegionsWithThatManyActiveFindingsUseTheReport() throws Exception {
		// given: a threshold that only the region with the most active findings reaches
		Map<String, Long> active = new TreeMap<>();
		demo.findings()
			.stream()
			.filter(f -> f.status().equals("ACTIVE"))
			.forEach(f -> active.merge(f.region(), 1L, Long::sum));
		long most = active.values().stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(active.values()).filteredOn(n -> n == most).hasSize(1);
		assertThat(active).hasSizeGreaterThan(1);

		// when
		Outcome outcome = launcher.launch(export("export-threshold", most));

		// then: one report, ListFindings elsewhere, every finding once
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(simulator.calls().count("inspector2:CreateFindingsReport")).isEqualTo(1);
		assertThat(simulator.calls().count("inspector2:ListFindings")).isPositive();
		assertThat(count(outcome.runId())).isEqualTo(demo.findings().size());
	}

	private RunParameters export(String runId, Long threshold) {
		return TestRuns.demo(runId, out)
			.withFindingsExport(FindingsExport.parse("s3://" + BUCKET + "/q3/findings/", KMS_KEY, threshold));
	}

	private Map<String, Long> byStatus(String run) {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.query("SELECT status, COUNT(*) FROM ev_finding WHERE run_id = ? GROUP BY status", rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		}, run);
		return counts;
	}

	private long difference(String run, String other) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT " + COLUMNS
				+ " FROM ev_finding WHERE run_id = ? EXCEPT SELECT " + COLUMNS + " FROM ev_finding WHERE run_id = ?) d",
				Long.class, run, other);
	}

	private long count(String run) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM ev_finding WHERE run_id = ?", Long.class, run);
	}

	private static long count(List<Finding> findings, String status) {
		return findings.stream().filter(f -> f.status().equals(status)).count();
	}

	private static JsonNode manifestEntry(JsonNode manifest, String path) {
		for (JsonNode file : manifest.path("files")) {
			if (file.path("path").asText().equals(path)) {
				return file;
			}
		}
		return null;
	}

}
