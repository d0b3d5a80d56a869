package dev.evident.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Everything one run needs, carried as Spring Batch job parameters so that a restart sees
 * exactly what the first attempt saw. Period, source and scope identify the run; the run
 * id makes each completed run its own job instance; the rest does not identify it.
 */
public record RunParameters(String runId, Period period, Instant asOf, Source source, Path out, String roleName,
		String externalId, List<String> accounts, List<String> ous, List<String> regions, int parallelism,
		List<String> frameworks, Path manualEvidence, FindingsExport findingsExport) {

	public static final String RUN_ID = "run.id";

	/**
	 * The same run without a findings export: Inspector findings come from ListFindings.
	 */
	public RunParameters(String runId, Period period, Instant asOf, Source source, Path out, String roleName,
			String externalId, List<String> accounts, List<String> ous, List<String> regions, int parallelism,
			List<String> frameworks, Path manualEvidence) {
		this(runId, period, asOf, source, out, roleName, externalId, accounts, ous, regions, parallelism, frameworks,
				manualEvidence, null);
	}

	/** The same run with Inspector findings read from findings reports. */
	public RunParameters withFindingsExport(FindingsExport export) {
		return new RunParameters(runId, period, asOf, source, out, roleName, externalId, accounts, ous, regions,
				parallelism, frameworks, manualEvidence, export);
	}

	public RunParameters {
		Objects.requireNonNull(runId, "runId");
		Objects.requireNonNull(period, "period");
		Objects.requireNonNull(asOf, "asOf");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(out, "out");
		accounts = List.copyOf(accounts);
		ous = List.copyOf(ous);
		regions = List.copyOf(regions);
		frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
		if (parallelism < 1) {
			throw new IllegalArgumentException("parallelism must be at least 1");
		}
	}

	public JobParameters toJobParameters() {
		JobParametersBuilder b = new JobParametersBuilder();
		b.addString(RUN_ID, runId, true);
		b.addString("period", period.toString(), true);
		b.addString("source", source.id(), true);
		b.addString("accounts", String.join(",", accounts), true);
		b.addString("ous", String.join(",", ous), true);
		b.addString("regions", String.join(",", regions), true);
		b.addString("asOf", asOf.toString(), false);
		b.addString("out", out.toString(), false);
		b.addString("roleName", roleName == null ? "" : roleName, false);
		b.addLong("parallelism", (long) parallelism, false);
		b.addString("frameworks", String.join(",", frameworks), false);
		b.addString("manualEvidence", manualEvidence == null ? "" : manualEvidence.toString(), false);
		b.addString("findingsExport", findingsExport == null ? "" : findingsExport.uri(), false);
		b.addString("findingsExportKmsKey", findingsExport == null ? "" : findingsExport.kmsKeyArn(), false);
		b.addString("findingsExportAbove",
				findingsExport == null || findingsExport.forced() ? "" : Long.toString(findingsExport.threshold()),
				false);
		// The external id is not a secret, but it is kept out of the job repository's
		// logs and tables
		// on purpose: the collectors receive it from the run configuration instead.
		return b.toJobParameters();
	}

	/** The same run without framework selection or manual evidence. */
	public RunParameters(String runId, Period period, Instant asOf, Source source, Path out, String roleName,
			String externalId, List<String> accounts, List<String> ous, List<String> regions, int parallelism) {
		this(runId, period, asOf, source, out, roleName, externalId, accounts, ous, regions, parallelism, List.of(),
				null);
	}

	/** A key naming the run's scope: period, source, accounts, OUs and regions. */
	public String scopeKey() {
		return String.join("|", period.toString(), source.id(), String.join(",", accounts), String.join(",", ous),
				String.join(",", regions));
	}

	/**
	 * The identifying parameters alone: used to find an earlier failed attempt of the
	 * same run.
	 */
	public JobParameters scopeParameters() {
		JobParametersBuilder b = new JobParametersBuilder();
		b.addString("period", period.toString(), true);
		b.addString("source", source.id(), true);
		b.addString("accounts", String.join(",", accounts), true);
		b.addString("ous", String.join(",", ous), true);
		b.addString("regions", String.join(",", regions), true);
		return b.toJobParameters();
	}

	public static RunParameters from(JobParameters p) {
		return new RunParameters(p.getString(RUN_ID), Period.parse(p.getString("period")),
				Instant.parse(p.getString("asOf")), Source.parse(p.getString("source")), Path.of(p.getString("out")),
				emptyToNull(p.getString("roleName")), null, split(p.getString("accounts")), split(p.getString("ous")),
				split(p.getString("regions")), p.getLong("parallelism").intValue(), split(p.getString("frameworks")),
				emptyToNull(p.getString("manualEvidence")) == null ? null : Path.of(p.getString("manualEvidence")),
				findingsExport(p));
	}

	private static FindingsExport findingsExport(JobParameters p) {
		String above = emptyToNull(p.getString("findingsExportAbove"));
		return FindingsExport.parse(emptyToNull(p.getString("findingsExport")),
				emptyToNull(p.getString("findingsExportKmsKey")), above == null ? null : Long.valueOf(above));
	}

	private static List<String> split(String csv) {
		return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
	}

	private static String emptyToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}
}
