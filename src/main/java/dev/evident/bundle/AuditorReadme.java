package dev.evident.bundle;

import dev.evident.evidence.Runs.RunRecord;

/**
 * README.txt for the auditor who receives the bundle: what is inside and how to check it.
 */
final class AuditorReadme {

	private AuditorReadme() {
	}

	static String text(RunRecord run, String packageId, boolean signed) {
		String nl = "\n";
		StringBuilder b = new StringBuilder();
		b.append("Evident compliance evidence package").append(nl);
		b.append("===================================").append(nl).append(nl);
		b.append("Organization: ")
			.append(run.orgId())
			.append(" (management account ")
			.append(run.managementAccountId())
			.append(")")
			.append(nl);
		b.append("Period:       ")
			.append(run.period())
			.append(" (")
			.append(run.period().firstDay())
			.append(" to ")
			.append(run.period().lastDay())
			.append(")")
			.append(nl);
		b.append("As of:        ").append(run.asOf()).append(" (every age is computed at this instant)").append(nl);
		b.append("Run:          ").append(run.runId()).append(nl);
		b.append("Package:      ").append(packageId);
		if (!packageId.equals(run.runId())) {
			b.append(" (rendered again from the evidence of run ").append(run.runId()).append(")");
		}
		b.append(nl).append(nl);
		b.append("Layout").append(nl).append("------").append(nl);
		b.append("evidence-report.pdf      the report: summary, gaps, controls, frameworks, appendix of files")
			.append(nl);
		b.append("evidence-workbook.xlsx   every row behind the report, one sheet per subject").append(nl);
		b.append("results.json             machine-readable results (schema: results.schema.json in Evident)")
			.append(nl);
		b.append("raw/<account>/<service>/ the API responses as collected, and AWS Artifact documents").append(nl);
		b.append("manual/<control-id>/     manual evidence supplied for controls no API can evidence").append(nl);
		b.append("manifest.json            every file: size, sha256, source operation, parameters, account,")
			.append(nl);
		b.append("                         region and collection time").append(nl);
		b.append("SHA256SUMS               the hash of every file, in the format of sha256sum").append(nl);
		if (signed) {
			b.append("manifest.json.p7s        detached CMS (PKCS#7) signature over manifest.json (DER)").append(nl);
		}
		b.append(nl).append("How to verify (no Evident needed)").append(nl);
		b.append("---------------------------------").append(nl);
		b.append("1. In this folder:   sha256sum -c SHA256SUMS").append(nl);
		b.append("   Every line must end in OK. A changed, removed or added file shows up here; a file").append(nl);
		b.append("   that is not listed is not part of the evidence.").append(nl);
		if (signed) {
			b.append("2. The signature:    openssl cms -verify -binary -inform DER -in manifest.json.p7s \\")
				.append(nl);
			b.append("                       -content manifest.json -CAfile <issuer or signer certificate>.pem \\")
				.append(nl);
			b.append("                       -purpose any -out /dev/null").append(nl);
			b.append("   It must print \"Verification successful\". Obtain the certificate from the organization")
				.append(nl);
			b.append("   through a channel other than this bundle.").append(nl);
		}
		b.append(nl)
			.append("With Evident: evident verify <bundle>.zip [--trust certificate.pem] checks all of the")
			.append(nl)
			.append("above from the zip, and reports every modified, missing or unexpected file.")
			.append(nl);
		return b.toString();
	}

}
