package dev.evident.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.bundle.BundleVerifier.Report;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.support.DemoSimulator;
import dev.evident.support.TestRuns;
import dev.evident.support.TestKeys;
import dev.evident.support.Zips;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A signed bundle from a real run verifies; every kind of tampering is caught; hostile
 * zips are refused; and an auditor's own tools (sha256sum, openssl) agree.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:bundle-test;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleVerificationIT {

	static final Path KEYS_DIR = createTempDir();

	static final TestKeys SIGNER = TestKeys.create(KEYS_DIR, "Evident Test Signer");

	static final TestKeys OTHER = TestKeys.create(KEYS_DIR, "Someone Else");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		DemoSimulator.register(registry);
		registry.add("evident.sign.keystore", () -> SIGNER.keystore().toString());
		registry.add("evident.sign.alias", SIGNER::alias);
		registry.add("evident.sign.password", SIGNER::password);
	}

	@Autowired
	RunLauncher launcher;

	@TempDir
	Path work;

	Path bundle;

	Path packageDir;

	BundleVerifier verifier = new BundleVerifier(BundleVerifier.Limits.defaults());

	@BeforeAll
	void sealABundle(@TempDir Path out) throws Exception {
		Faults.of(DemoSimulator.get()).reset();
		Outcome outcome = launcher.launch(TestRuns.demo("bundle-test", out));
		bundle = outcome.layout().orElseThrow().bundle();
		packageDir = outcome.layout().orElseThrow().packageDir();
	}

	@Test
	void aFreshSignedBundleVerifiesAgainstItsSigner() throws IOException {
		Report report = verifier.verify(bundle, SIGNER.certificate());

		assertThat(report.intact()).isTrue();
		assertThat(report.files()).isGreaterThan(50);
		assertThat(report.signature().valid()).isTrue();
		assertThat(report.signature().trusted()).isTrue();
		assertThat(report.signature().signer()).isEqualTo("CN=Evident Test Signer");
	}

	@Test
	void theReportIsSignedWithTheSameKeyAndStaysPdfA3b() throws Exception {
		Path pdf = packageDir.resolve("evidence-report.pdf");
		byte[] bytes = Files.readAllBytes(pdf);
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
			assertThat(doc.getSignatureDictionaries()).hasSize(1);
			var signature = doc.getLastSignatureDictionary();
			Signer.Verification verification = Signer.verify(signature.getSignedContent(bytes), signature.getContents(),
					SIGNER.certificate());
			assertThat(verification.valid()).as(verification.message()).isTrue();
			assertThat(verification.trusted()).isTrue();
		}
		var pdfa = dev.evident.support.PdfAValidation.validate(pdf);
		assertThat(dev.evident.support.PdfAValidation.failures(pdfa)).isEmpty();
	}

	@Test
	void oneFlippedByteIsAModifiedFile() throws IOException {
		Path tampered = change(entries -> {
			byte[] csv = entries.get(key(entries, "raw/444444444444/iam/credential-report.csv"));
			csv[csv.length / 2] ^= 1;
			return entries;
		});

		Report report = verifier.verify(tampered, SIGNER.certificate());

		assertThat(report.intact()).isFalse();
		assertThat(report.modified()).containsExactly("raw/444444444444/iam/credential-report.csv");
	}

	@Test
	void aDeletedFileIsMissingAndAnAddedFileIsUnexpected() throws IOException {
		Path tampered = change(entries -> {
			entries.remove(key(entries, "results.json"));
			entries.put(root(entries) + "/raw/extra.json", "{}".getBytes(StandardCharsets.UTF_8));
			return entries;
		});

		Report report = verifier.verify(tampered, SIGNER.certificate());

		assertThat(report.missing()).containsExactly("results.json");
		assertThat(report.unexpected()).containsExactly("raw/extra.json");
		assertThat(report.intact()).isFalse();
	}

	@Test
	void aSignatureByAnotherKeyIsNotTrusted() throws IOException {
		Path tampered = change(entries -> {
			byte[] manifest = entries.get(key(entries, "manifest.json"));
			entries.put(key(entries, "manifest.json.p7s"), Signer.sign(manifest,
					Signer.SigningKey.load(OTHER.keystore(), OTHER.alias(), OTHER.password().toCharArray())));
			return entries;
		});

		Report report = verifier.verify(tampered, SIGNER.certificate());

		assertThat(report.signature().valid()).isTrue();
		assertThat(report.signature().trusted()).isFalse();
		assertThat(report.modified()).containsExactly("manifest.json.p7s");
	}

	@Test
	void aChangedManifestBreaksTheSignature() throws IOException {
		Path tampered = change(entries -> {
			String manifest = new String(entries.get(key(entries, "manifest.json")), StandardCharsets.UTF_8);
			entries.put(key(entries, "manifest.json"),
					manifest.replace("\"period\" : \"2026-Q3\"", "\"period\" : \"2026-Q2\"")
						.getBytes(StandardCharsets.UTF_8));
			return entries;
		});

		Report report = verifier.verify(tampered, SIGNER.certificate());

		assertThat(report.signature().valid()).isFalse();
		assertThat(report.modified()).containsExactly("manifest.json");
	}

	@Test
	void aManifestListingAFileTwiceIsReported() throws IOException {
		Path tampered = change(entries -> {
			String manifest = new String(entries.get(key(entries, "manifest.json")), StandardCharsets.UTF_8);
			int first = manifest.indexOf("{", manifest.indexOf("\"files\""));
			int end = manifest.indexOf("}", first) + 1;
			String twice = manifest.substring(0, end) + ", " + manifest.substring(first);
			entries.put(key(entries, "manifest.json"), twice.getBytes(StandardCharsets.UTF_8));
			return entries;
		});

		Report report = verifier.verify(tampered, null);

		assertThat(report.manifestProblems()).singleElement().asString().contains("twice");
		assertThat(report.intact()).isFalse();
	}

	@Test
	void aZipSlipEntryIsRefused() throws IOException {
		Path hostile = change(entries -> {
			entries.put(root(entries) + "/../../etc/evil", "x".getBytes(StandardCharsets.UTF_8));
			return entries;
		});

		assertThatThrownBy(() -> verifier.verify(hostile, null))
			.isInstanceOf(BundleVerifier.UnsafeBundleException.class)
			.hasMessageContaining("zip slip");
	}

	@Test
	void duplicateEntryNamesAreRefused() throws IOException {
		Path twice = change(entries -> {
			entries.put(root(entries) + "/results.jsoN", entries.get(key(entries, "results.json")));
			return entries;
		});
		byte[] bytes = Files.readAllBytes(twice);
		replaceAll(bytes, "results.jsoN", "results.json");
		Path duplicate = Files.write(work.resolve("duplicate.zip"), bytes);

		assertThatThrownBy(() -> verifier.verify(duplicate, null))
			.isInstanceOf(BundleVerifier.UnsafeBundleException.class)
			.hasMessageContaining("twice");
	}

	@Test
	void aTruncatedBundleIsAClearError() throws IOException {
		byte[] bytes = Files.readAllBytes(bundle);
		Path truncated = Files.write(work.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

		assertThatThrownBy(() -> new BundleVerifier(BundleVerifier.Limits.defaults()).verify(truncated, null))
			.isInstanceOfAny(IOException.class, BundleVerifier.UnsafeBundleException.class);
	}

	@Test
	void aZipBombStopsAtTheExpansionLimit() throws IOException {
		Map<String, byte[]> bomb = new LinkedHashMap<>();
		bomb.put("run/zeros.bin", new byte[8 * 1024 * 1024]);
		Path zip = Zips.write(work.resolve("bomb.zip"), bomb);

		assertThatThrownBy(() -> new BundleVerifier(new BundleVerifier.Limits(100, 1024 * 1024)).verify(zip, null))
			.isInstanceOf(BundleVerifier.UnsafeBundleException.class)
			.hasMessageContaining("zip bomb");
	}

	@Test
	void sha256sumAndOpensslVerifyTheUnzippedFolderAsTheReadmeSays() throws Exception {
		Path unzipped = work.resolve("unzipped");
		Zips.extract(bundle, unzipped);
		Path folder = unzipped.resolve(packageDir.getFileName());
		assertThat(Files.readString(folder.resolve("README.txt"))).contains("sha256sum -c SHA256SUMS")
			.contains("openssl cms -verify");

		assertThat(run(folder, "sha256sum", "--quiet", "-c", "SHA256SUMS")).isZero();
		assumeThat(Files.isExecutable(Path.of("/usr/bin/openssl"))).as("openssl installed").isTrue();
		assertThat(run(folder, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
				"-content", "manifest.json", "-CAfile", SIGNER.certificatePem().toString(), "-purpose", "any", "-out",
				"/dev/null"))
			.isZero();
	}

	@Test
	void theVerifyCommandExitsZeroWhenIntactAndOneOnAnyMismatch() throws IOException {
		java.io.StringWriter out = new java.io.StringWriter();
		java.io.PrintWriter writer = new java.io.PrintWriter(out, true);
		assertThat(dev.evident.EvidentApplication.execute(writer, writer, "verify", bundle.toString(), "--trust",
				SIGNER.certificatePem().toString()))
			.isZero();
		assertThat(out.toString()).contains("SIGNATURE   valid, signed by CN=Evident Test Signer, trusted")
			.contains("OK: ");

		Path tampered = change(entries -> {
			entries.remove(key(entries, "results.json"));
			return entries;
		});
		assertThat(dev.evident.EvidentApplication.execute(writer, writer, "verify", tampered.toString()))
			.isEqualTo(dev.evident.run.ExitCode.FAILED);
		assertThat(out.toString()).contains("MISSING     results.json").contains("FAILED: ");
	}

	private Path change(java.util.function.UnaryOperator<Map<String, byte[]>> change) throws IOException {
		return Zips.copyChanging(bundle, Files.createTempFile(work, "tampered", ".zip"), change);
	}

	private static String root(Map<String, byte[]> entries) {
		return entries.keySet().iterator().next().split("/")[0];
	}

	private static String key(Map<String, byte[]> entries, String relative) {
		return root(entries) + "/" + relative;
	}

	private static void replaceAll(byte[] bytes, String from, String to) {
		byte[] f = from.getBytes(StandardCharsets.UTF_8);
		byte[] t = to.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i + f.length <= bytes.length; i++) {
			if (java.util.Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
				System.arraycopy(t, 0, bytes, i, t.length);
			}
		}
	}

	private static int run(Path dir, String... command) throws Exception {
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		if (p.exitValue() != 0) {
			System.err.println(String.join(" ", command) + ":\n" + output);
		}
		return p.exitValue();
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("evident-keys");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
