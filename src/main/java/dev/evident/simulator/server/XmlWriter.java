package dev.evident.simulator.server;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/** Minimal streaming XML writer with correct escaping, for query-protocol responses. */
public final class XmlWriter {

	private final StringBuilder sb = new StringBuilder();

	private final Deque<String> open = new ArrayDeque<>();

	public XmlWriter start(String name) {
		sb.append('<').append(name).append('>');
		open.push(name);
		return this;
	}

	public XmlWriter start(String name, String xmlns) {
		sb.append('<').append(name).append(" xmlns=\"").append(escape(xmlns)).append("\">");
		open.push(name);
		return this;
	}

	public XmlWriter end() {
		sb.append("</").append(open.pop()).append('>');
		return this;
	}

	/** {@code <name>value</name>}; skipped when value is null. */
	public XmlWriter element(String name, Object value) {
		if (value != null) {
			sb.append('<')
				.append(name)
				.append('>')
				.append(escape(String.valueOf(value)))
				.append("</")
				.append(name)
				.append('>');
		}
		return this;
	}

	/** Timestamp element in ISO-8601 (the query protocol's format); skipped when null. */
	public XmlWriter time(String name, Instant value) {
		return value == null ? this : element(name, DateTimeFormatter.ISO_INSTANT.format(value));
	}

	/** Appends an already-serialized XML fragment. */
	public XmlWriter raw(String xml) {
		sb.append(xml);
		return this;
	}

	@Override
	public String toString() {
		if (!open.isEmpty()) {
			throw new IllegalStateException("unclosed elements: " + open);
		}
		return sb.toString();
	}

	/**
	 * Escapes text for element content and attribute values; drops characters XML 1.0
	 * cannot carry.
	 */
	public static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				case '\r' -> out.append("&#xD;");
				case '\n' -> out.append("&#xA;");
				case '\t' -> out.append("&#x9;");
				default -> {
					if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
