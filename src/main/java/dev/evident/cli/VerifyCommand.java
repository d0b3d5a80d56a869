package dev.evident.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

import dev.evident.bundle.BundleVerifier;
import dev.evident.bundle.BundleVerifier.Report;
import dev.evident.run.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident verify BUNDLE.zip [--trust CERT.pem]}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = {
				"Verifies a bundle offline: recomputes every hash, compares it with SHA256SUMS and "
						+ "manifest.json, and checks the signature. Reports each modified, missing or unexpected file. "
						+ "Exit code 0 when intact, 1 on any mismatch or an unreadable bundle, 2 on a usage error.",
				"" })
public class VerifyCommand implements Callable<Integer> {

	@Parameters(paramLabel = "BUNDLE.zip", description = "The bundle to verify.")
	Path bundle;

	@Option(names = "--trust", paramLabel = "CERT.pem",
			description = "The certificate the signature must come from (the signer's, or its issuer's).")
	Path trust;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		X509Certificate trusted;
		try {
			trusted = trust == null ? null : certificate(trust);
		}
		catch (IOException | CertificateException ex) {
			return Failures.usage(err, "--trust " + trust + " is not a readable PEM certificate");
		}
		Report report;
		try {
			report = new BundleVerifier(BundleVerifier.Limits.defaults()).verify(bundle, trusted);
		}
		catch (NoSuchFileException ex) {
			return Failures.usage(err, bundle + " does not exist");
		}
		catch (IOException | BundleVerifier.UnsafeBundleException ex) {
			err.println("evident: cannot verify " + bundle + ": " + ex.getMessage());
			err.flush();
			return ExitCode.FAILED;
		}
		report.modified().forEach(p -> out.println("MODIFIED    " + p));
		report.missing().forEach(p -> out.println("MISSING     " + p));
		report.unexpected().forEach(p -> out.println("UNEXPECTED  " + p));
		report.manifestProblems().forEach(p -> out.println("MANIFEST    " + p));
		if (report.signature() == null) {
			out.println("SIGNATURE   none (the bundle is not signed)");
		}
		else if (!report.signature().valid()) {
			out.println("SIGNATURE   INVALID: " + report.signature().message());
		}
		else {
			out.println("SIGNATURE   valid, " + report.signature().message()
					+ (trusted == null ? " (not checked against a trusted certificate: use --trust)"
							: report.signature().trusted() ? ", trusted" : ", NOT from the trusted certificate"));
		}
		boolean ok = report.intact() && (trusted == null || report.signature() != null && report.signature().trusted());
		out.println(
				ok ? "OK: " + report.files() + " files verified." : "FAILED: the bundle does not match its manifest.");
		out.flush();
		return ok ? ExitCode.COMPLETE : ExitCode.FAILED;
	}

	private static X509Certificate certificate(Path pem) throws IOException, CertificateException {
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

}
