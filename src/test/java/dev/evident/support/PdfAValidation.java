package dev.evident.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** PDF/A-3b validation with veraPDF (its own parser, not PDFBox). */
public final class PdfAValidation {

	private PdfAValidation() {
	}

	public static ValidationResult validate(Path file) throws Exception {
		VeraGreenfieldFoundryProvider.initialise();
		try (InputStream in = Files.newInputStream(file);
				PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
			return validator.validate(parser);
		}
	}

	/** The failed rules, as clause-test: message. */
	public static List<String> failures(ValidationResult result) {
		List<String> failures = new ArrayList<>();
		for (TestAssertion a : result.getTestAssertions()) {
			if (a.getStatus() == TestAssertion.Status.FAILED) {
				failures.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage());
			}
		}
		return failures;
	}

}
