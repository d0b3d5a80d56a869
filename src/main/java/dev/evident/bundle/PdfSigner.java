package dev.evident.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Calendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Signs the report itself (an invisible, detached PKCS#7 signature saved incrementally),
 * with the key that signs the manifest, so that a PDF reader shows who issued it and that
 * it is unchanged.
 */
final class PdfSigner {

	private PdfSigner() {
	}

	static void sign(Path pdf, Signer.SigningKey key) {
		Path tmp = pdf.resolveSibling(pdf.getFileName() + ".signing");
		try (PDDocument doc = Loader.loadPDF(pdf.toFile());
				OutputStream out = Files.newOutputStream(tmp);
				SignatureOptions options = new SignatureOptions()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
			signature.setName(key.certificate().getSubjectX500Principal().getName());
			signature.setReason("Evident compliance evidence package");
			signature.setSignDate(Calendar.getInstance(TimeZone.getTimeZone("UTC")));
			options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
			doc.addSignature(signature, content -> Signer.sign(content.readAllBytes(), key), options);
			doc.saveIncremental(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot sign the report " + pdf, ex);
		}
		try {
			Files.move(tmp, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot replace the report " + pdf, ex);
		}
	}

}
