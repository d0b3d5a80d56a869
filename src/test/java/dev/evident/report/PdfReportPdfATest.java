package dev.evident.report;

import dev.evident.templates.TemplateSource;
import static dev.evident.report.EvidenceStoreFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The report is PDF/A-3b, validated by veraPDF (its own parser, not PDFBox), and carries
 * results.json as an associated file, byte for byte.
 */
class PdfReportPdfATest {

	static final byte[] RESULTS = "{\"runId\":\"run-2025Q3-0001\",\"note\":\"研究開発 Ünïcødé <&>\"}\n"
		.getBytes(StandardCharsets.UTF_8);

	@TempDir
	static Path dir;

	static Path pdf;

	@BeforeAll
	static void render() throws IOException {
		EvidenceStoreFixture store = EvidenceStoreFixture.withRun(300);
		Path results = dir.resolve("results.json");
		Files.write(results, RESULTS);
		pdf = dir.resolve("evidence-report.pdf");
		new PdfReportRenderer(store.jdbc, TemplateSource.bundled()).render(RUN_ID, pdf,
				new ReportStamp("1.0.0", "ab".repeat(32), results));
	}

	@Test
	void veraPdfFindsThePdfCompliantWithPdfA3b() throws Exception {
		ValidationResult result = validate(pdf);
		List<String> failures = new ArrayList<>();
		for (TestAssertion a : result.getTestAssertions()) {
			if (a.getStatus() == TestAssertion.Status.FAILED) {
				failures.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage());
			}
		}
		assertThat(failures).as("veraPDF failed assertions").isEmpty();
		assertThat(result.isCompliant()).isTrue();
		assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
	}

	/** The validator is not trivially satisfied: a plain PDF is not PDF/A-3b. */
	@Test
	void veraPdfRejectsAPlainPdf(@TempDir Path other) throws Exception {
		Path plain = other.resolve("plain.pdf");
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			doc.save(plain.toFile());
		}
		assertThat(validate(plain).isCompliant()).isFalse();
	}

	private static ValidationResult validate(Path file) throws Exception {
		VeraGreenfieldFoundryProvider.initialise();
		try (InputStream in = Files.newInputStream(file);
				PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
			return validator.validate(parser);
		}
	}

	@Test
	void resultsJsonIsAttachedAsAnAssociatedFileWithItsExactBytes() throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			PDDocumentCatalog catalog = doc.getDocumentCatalog();
			Map<String, PDComplexFileSpecification> files = catalog.getNames().getEmbeddedFiles().getNames();
			assertThat(files).containsOnlyKeys("results.json");
			PDComplexFileSpecification spec = files.get("results.json");
			assertThat(spec.getFileUnicode()).isEqualTo("results.json");
			assertThat(spec.getCOSObject().getCOSName(COSName.getPDFName("AFRelationship")).getName())
				.isEqualTo("Data");
			assertThat(spec.getEmbeddedFile().toByteArray()).isEqualTo(RESULTS);
			assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("application/json");
			// the catalog's /AF array references the same file specification
			COSArray af = (COSArray) catalog.getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
			assertThat(af.size()).isEqualTo(1);
			assertThat(af.getObject(0)).isSameAs(spec.getCOSObject());
		}
	}

	@Test
	void hasOutputIntentXmpIdentificationTitleAndEmbeddedFonts() throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			PDDocumentCatalog catalog = doc.getDocumentCatalog();
			List<PDOutputIntent> intents = catalog.getOutputIntents();
			assertThat(intents).hasSize(1);
			assertThat(intents.get(0).getDestOutputIntent()).isNotNull();
			String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
			assertThat(xmp).containsPattern("pdfaid:part(>|=\")3").containsPattern("pdfaid:conformance(>|=\")B");
			assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Compliance evidence report 2025-Q3");
			assertThat(xmp).contains("Compliance evidence report 2025-Q3");
			for (PDPage page : doc.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				}
			}
		}
	}

	@Test
	void withoutAPackageNothingIsAttachedAndTheCoverSaysSo(@TempDir Path other) throws IOException {
		EvidenceStoreFixture store = EvidenceStoreFixture.withRun(10);
		Path out = other.resolve("r.pdf");
		new PdfReportRenderer(store.jdbc, TemplateSource.bundled()).render(RUN_ID, out);
		try (PDDocument doc = Loader.loadPDF(out.toFile())) {
			assertThat(doc.getDocumentCatalog().getNames() == null
					|| doc.getDocumentCatalog().getNames().getEmbeddedFiles() == null)
				.isTrue();
			COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
			assertThat(catalog.containsKey(COSName.getPDFName("AF"))).isFalse();
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
				.contains("not available (report rendered outside an evidence package)");
		}
	}

}
