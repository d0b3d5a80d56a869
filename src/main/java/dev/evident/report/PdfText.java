package dev.evident.report;

/**
 * Makes store text safe for the XHTML the PDF is rendered from. Characters XML 1.0
 * forbids (control characters, lone surrogates, U+FFFE/U+FFFF) would make the document
 * unparseable, and characters outside the Basic Multilingual Plane (emoji, rare CJK
 * extensions) are not covered by the bundled fonts and confuse the PDF text layer; both
 * become U+FFFD, which the report shows as a visible replacement. Markup characters are
 * left alone: Thymeleaf escapes them.
 */
final class PdfText {

	static final char REPLACEMENT = '\uFFFD';

	private PdfText() {
	}

	static String clean(String s) {
		if (s == null) {
			return null;
		}
		StringBuilder out = null;
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			int len = Character.charCount(cp);
			boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
					|| (cp >= 0xE000 && cp <= 0xFFFD);
			if (!ok && out == null) {
				out = new StringBuilder(s.length()).append(s, 0, i);
			}
			if (out != null) {
				if (ok) {
					out.appendCodePoint(cp);
				}
				else {
					out.append(REPLACEMENT);
				}
			}
			i += len;
		}
		return out == null ? s : out.toString();
	}

}
