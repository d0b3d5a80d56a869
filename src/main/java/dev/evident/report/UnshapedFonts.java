package dev.evident.report;

import dev.evident.templates.TemplateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;

/**
 * The report's fonts, loaded (when the layout first needs them) with PDFBox's glyph
 * substitution (GSUB) turned off. PDFBox otherwise applies a font's GSUB features to
 * every run of text it draws, building regular expressions from the font's ligature
 * tables each time (docs/performance.md, the PDF report). The layout measures text
 * without them anyway, so a drawn ligature only shortened text that had been measured
 * longer. A font that needs shaping (a Devanagari font, say) keeps it with
 * {@code shaping: true} in report.yaml.
 */
final class UnshapedFonts implements AutoCloseable {

	private final TemplateSource templates;

	private final List<TrueTypeFont> loaded = new ArrayList<>();

	UnshapedFonts(TemplateSource templates) {
		this.templates = templates;
	}

	/** A supplier that loads {@code file} into {@code document} on first use. */
	PDFontSupplier unshaped(PDDocument document, String file) {
		return new PDFontSupplier(null) {

			private PDFont font;

			@Override
			public PDFont supply() {
				if (font == null) {
					font = load(document, file);
				}
				return font;
			}

		};
	}

	private PDFont load(PDDocument document, String file) {
		try (InputStream in = templates.open(file)) {
			TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
			loaded.add(ttf);
			ttf.setEnableGsub(false);
			return PDType0Font.load(document, ttf, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read font " + file, ex);
		}
	}

	/** Closes the fonts loaded, once the document is written. */
	@Override
	public void close() {
		for (TrueTypeFont ttf : loaded) {
			try {
				ttf.close();
			}
			catch (IOException ex) {
				// in memory: nothing to release
			}
		}
		loaded.clear();
	}

}
