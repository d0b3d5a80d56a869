package dev.evident.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Attaches results.json to the rendered PDF as a PDF/A-3 associated file: an embedded
 * file stream with its MIME type and dates, a file specification with
 * {@code /AFRelationship /Data}, listed in the document's {@code EmbeddedFiles} name tree
 * and in the catalog's {@code /AF} array.
 */
final class PdfAttachment {

	static final String NAME = "results.json";

	static final COSName AF = COSName.getPDFName("AF");

	static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

	private PdfAttachment() {
	}

	/**
	 * Attaches {@code file} to {@code doc}, a document being written (before it is
	 * saved).
	 */
	static void attach(PDDocument doc, Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		Calendar modified = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		modified.setTimeInMillis(Files.getLastModifiedTime(file).toMillis());
		PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes));
		embedded.setSubtype("application/json");
		embedded.setSize(bytes.length);
		embedded.setCreationDate(modified);
		embedded.setModDate(modified);

		PDComplexFileSpecification spec = new PDComplexFileSpecification();
		spec.setFile(NAME);
		spec.setFileUnicode(NAME);
		spec.setFileDescription("Control results of this run (results.json of the evidence package)");
		spec.setEmbeddedFile(embedded);
		spec.setEmbeddedFileUnicode(embedded);
		spec.getCOSObject().setItem(AF_RELATIONSHIP, COSName.getPDFName("Data"));

		PDDocumentCatalog catalog = doc.getDocumentCatalog();
		PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
		tree.setNames(Map.of(NAME, spec));
		PDDocumentNameDictionary names = catalog.getNames();
		if (names == null) {
			names = new PDDocumentNameDictionary(catalog);
		}
		names.setEmbeddedFiles(tree);
		catalog.setNames(names);
		COSArray af = new COSArray();
		af.add(spec);
		catalog.getCOSObject().setItem(AF, af);
	}

}
