package dev.evident.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.evident.run.EvidentProperties;
import dev.evident.run.FindingsExport;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code evident run}, shared with {@code evident demo}. */
public class RunOptions {

	private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

	private static final Pattern OU = Pattern.compile("(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})");

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

	@Option(names = "--period", paramLabel = "YYYY-Qn",
			description = "The reporting quarter, for example 2026-Q3. Default: the last completed quarter.")
	String period;

	@Option(names = "--as-of", paramLabel = "INSTANT",
			description = "The one evaluation clock for every age (key age, finding age), as an ISO-8601 instant "
					+ "such as 2026-10-01T00:00:00Z. Default: now.")
	String asOf;

	@Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
			description = "Where packages are written, as <out>/<org-id>/<period>/<run-id>/. Default: ${DEFAULT-VALUE}.")
	Path out;

	@Option(names = "--role-name", paramLabel = "NAME",
			description = "The role assumed in each member account. Default: EvidentAuditRole.")
	String roleName;

	@Option(names = "--external-id", paramLabel = "ID",
			description = "The external id the member role requires, if any.")
	String externalId;

	@Option(names = "--accounts", paramLabel = "ID", split = ",",
			description = "Only these member accounts (12-digit ids, comma-separated).")
	List<String> accounts = new ArrayList<>();

	@Option(names = "--ou", paramLabel = "OU", split = ",",
			description = "Only accounts under these organizational units (ou-... ids, comma-separated).")
	List<String> ous = new ArrayList<>();

	@Option(names = "--regions", paramLabel = "REGION", split = ",",
			description = "Regions to collect. The network (VPCs, security groups, network ACLs): by default every "
					+ "region enabled for each account; a region an account does not use is recorded as not in use, "
					+ "never as a failure. Inspector findings: by default the SDK's default region.")
	List<String> regions = new ArrayList<>();

	@Option(names = "--artifact-documents", paramLabel = "all|none|SERIES", defaultValue = "all",
			description = "Which AWS Artifact documents to download: all, none (inventory and metadata only), or "
					+ "series such as 'SOC 2,PCI DSS'. Default: ${DEFAULT-VALUE}.")
	String artifactDocuments;

	@Option(names = "--frameworks", paramLabel = "ID", split = ",",
			description = "Only these frameworks in the results and reports, for example soc2,iso27001 "
					+ "('evident controls' lists them). Default: all.")
	List<String> frameworks = new ArrayList<>();

	@Option(names = "--mappings", paramLabel = "DIR",
			description = "A folder with controls/ and frameworks/ that add to or override the built-in mappings.")
	Path mappings;

	@Mixin
	TemplatesOption templates = new TemplatesOption();

	@Option(names = "--set", paramLabel = "CONTROL.PARAM=VALUE",
			description = "Override a control's threshold for this run, for example "
					+ "--set inspector-finding-sla.sla_days.CRITICAL=7 (repeatable).")
	List<String> overrides = new ArrayList<>();

	@Option(names = "--manual-evidence", paramLabel = "DIR",
			description = "A folder with one subfolder per control id whose files are hashed, bundled and listed "
					+ "as the control's manual evidence.")
	Path manualEvidence;

	@Option(names = "--sign-keystore", paramLabel = "FILE.p12",
			description = "Sign manifest.json with this PKCS#12 keystore (detached CMS, manifest.json.p7s). "
					+ "The password is read from the environment variable EVIDENT_SIGN_PASSWORD.")
	Path signKeystore;

	@Option(names = "--sign-alias", paramLabel = "ALIAS", description = "The key in the keystore to sign with.")
	String signAlias;

	@Option(names = "--parallelism", paramLabel = "N", defaultValue = EvidentProperties.DEFAULT_PARALLELISM,
			description = "AWS requests in flight at once (accounts are worked on by 4 threads per request). "
					+ "Default: ${DEFAULT-VALUE}.")
	int parallelism;

	@Option(names = "--findings-export", paramLabel = "s3://BUCKET/PREFIX",
			description = "Read Inspector findings from findings reports that Inspector writes to this S3 "
					+ "location (CreateFindingsReport, JSON, every status), instead of ListFindings pages. "
					+ "Needs --findings-export-kms-key. See docs/findings-export.md for the bucket and key policies.")
	String findingsExport;

	@Option(names = "--findings-export-kms-key", paramLabel = "ARN",
			description = "The KMS key Inspector encrypts findings reports with (required by " + "--findings-export).")
	String findingsExportKmsKey;

	@Option(names = "--findings-export-above", paramLabel = "N", arity = "0..1",
			fallbackValue = "" + FindingsExport.DEFAULT_THRESHOLD,
			description = "With --findings-export: use the report only in regions where the organization has at "
					+ "least N active findings (counted with ListFindingAggregations), ListFindings elsewhere. "
					+ "Without N: " + FindingsExport.DEFAULT_THRESHOLD + ". Without this option, the report is "
					+ "used in every region.")
	Long findingsExportAbove;

	/** Validates the options; every message is one line fit for a usage error. */
	RunParameters toParameters(Source source, Instant now, String runId) {
		Period p = period == null ? Period.lastCompletedBefore(now) : Period.parse(period);
		Instant clock;
		try {
			clock = asOf == null ? now : Instant.parse(asOf);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"--as-of '" + asOf + "' is not an ISO-8601 instant such as 2026-10-01T00:00:00Z");
		}
		accounts.forEach(a -> require(ACCOUNT, a, "--accounts", "a 12-digit account id"));
		ous.forEach(o -> require(OU, o, "--ou", "an OU id such as ou-ab12-cdef3456"));
		regions.forEach(r -> require(REGION, r, "--regions", "a region such as eu-west-1"));
		if (parallelism < 1 || parallelism > 64) {
			throw new IllegalArgumentException("--parallelism must be between 1 and 64, got " + parallelism);
		}
		Path manual = null;
		if (manualEvidence != null) {
			manual = manualEvidence.toAbsolutePath().normalize();
			if (!java.nio.file.Files.isDirectory(manual) || !java.nio.file.Files.isReadable(manual)) {
				throw new IllegalArgumentException("--manual-evidence " + manualEvidence + " is not a readable folder");
			}
		}
		FindingsExport export = FindingsExport.parse(findingsExport, findingsExportKmsKey, findingsExportAbove);
		return new RunParameters(runId, p, clock, source, out.toAbsolutePath().normalize(), roleName, externalId,
				accounts.stream().sorted().toList(), ous.stream().sorted().toList(), regions.stream().sorted().toList(),
				parallelism, frameworks.stream().map(String::trim).sorted().toList(), manual, export);
	}

	private static void require(Pattern pattern, String value, String option, String expected) {
		if (!pattern.matcher(value).matches()) {
			throw new IllegalArgumentException(option + " '" + value + "' is not " + expected);
		}
	}

}
