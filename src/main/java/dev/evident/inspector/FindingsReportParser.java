package dev.evident.inspector;

import dev.evident.evidence.FindingRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a JSON findings report as a stream, a few rows at a time: the document
 * {@code {"findings":[...]}} (or a bare array), each finding in the Inspector2
 * {@code Finding} shape. Only one finding is ever held as a tree. Timestamps may be epoch
 * seconds (the API's) or ISO-8601 strings.
 */
public final class FindingsReportParser implements AutoCloseable {

	private static final JsonFactory JSON = new JsonFactory();

	private final JsonParser parser;

	private final String region;

	private final Predicate<String> accounts;

	private boolean inArray;

	private boolean finished;

	private long parsed;

	/**
	 * @param region the region of the report (the row's region)
	 * @param accounts which accounts' findings to keep (the run's scope)
	 */
	public FindingsReportParser(InputStream in, String region, Predicate<String> accounts) {
		try {
			this.parser = JSON.createParser(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.region = region;
		this.accounts = accounts;
	}

	/** Up to {@code max} rows of findings in scope; empty at the end of the document. */
	public List<FindingRow> next(int max) {
		List<FindingRow> rows = new ArrayList<>(Math.min(max, 1024));
		try {
			if (!inArray && !finished) {
				findArray();
			}
			while (!finished && rows.size() < max) {
				JsonToken token = parser.nextToken();
				if (token == JsonToken.END_ARRAY || token == null) {
					finished = true;
					break;
				}
				if (token != JsonToken.START_OBJECT) {
					throw new IllegalStateException("findings report: expected a finding object, found " + token);
				}
				Fields f = finding();
				parsed++;
				if (accounts.test(f.account)) {
					rows.add(f.row(region));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the findings report", ex);
		}
	}

	/** Findings read so far, in scope or not. */
	public long parsed() {
		return parsed;
	}

	private void findArray() throws IOException {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.START_ARRAY) {
			inArray = true;
			return;
		}
		if (token != JsonToken.START_OBJECT) {
			throw new IllegalStateException("findings report: not a JSON object or array");
		}
		while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			token = parser.nextToken();
			if (name.equals("findings") && token == JsonToken.START_ARRAY) {
				inArray = true;
				return;
			}
			parser.skipChildren();
		}
		finished = true;
	}

	/**
	 * Reads one finding object token by token, keeping the fields of a row and skipping
	 * the rest without building a tree (a finding is about 2 KB, mostly skipped details).
	 */
	private Fields finding() throws IOException {
		Fields f = new Fields();
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "findingArn" -> f.arn = text(value);
				case "awsAccountId" -> f.account = text(value);
				case "severity" -> f.severity = text(value);
				case "status" -> f.status = text(value);
				case "type" -> f.type = text(value);
				case "title" -> f.title = text(value);
				case "fixAvailable" -> f.fixAvailable = text(value);
				case "exploitAvailable" -> f.exploitAvailable = text(value);
				case "inspectorScore" -> f.score = value.isNumeric() ? parser.getDoubleValue() : null;
				case "firstObservedAt" -> f.firstObservedAt = instant(value);
				case "lastObservedAt" -> f.lastObservedAt = instant(value);
				case "updatedAt" -> f.updatedAt = instant(value);
				case "packageVulnerabilityDetails" -> f.vulnerabilityId = field(value, "vulnerabilityId");
				case "resources" -> firstResource(value, f);
				default -> parser.skipChildren();
			}
		}
		return f;
	}

	private String text(JsonToken value) throws IOException {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		if (value.isStructStart()) {
			parser.skipChildren();
			return null;
		}
		return parser.getText();
	}

	/** One scalar field of an object, the rest skipped. */
	private String field(JsonToken value, String wanted) throws IOException {
		if (value != JsonToken.START_OBJECT) {
			return text(value);
		}
		String found = null;
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			JsonToken v = parser.nextToken();
			if (name.equals(wanted)) {
				found = text(v);
			}
			else {
				parser.skipChildren();
			}
		}
		return found;
	}

	/** The type and id of the first resource; the other resources skipped. */
	private void firstResource(JsonToken value, Fields f) throws IOException {
		if (value != JsonToken.START_ARRAY) {
			text(value);
			return;
		}
		boolean first = true;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (first && token == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String name = parser.currentName();
					JsonToken v = parser.nextToken();
					switch (name) {
						case "type" -> f.resourceType = text(v);
						case "id" -> f.resourceId = text(v);
						default -> parser.skipChildren();
					}
				}
			}
			else {
				parser.skipChildren();
			}
			first = false;
		}
	}

	private Instant instant(JsonToken value) throws IOException {
		return switch (value) {
			case VALUE_NULL -> null;
			case VALUE_NUMBER_INT -> Instant.ofEpochSecond(parser.getLongValue());
			case VALUE_NUMBER_FLOAT -> epochMillis();
			case VALUE_STRING -> instant(parser.getText());
			default -> {
				parser.skipChildren();
				yield null;
			}
		};
	}

	/**
	 * Epoch seconds with a fraction ({@code 1729000000.123}) to the millisecond,
	 * truncated, read from the token's characters without a BigDecimal; exponents fall
	 * back to one.
	 */
	private Instant epochMillis() throws IOException {
		char[] chars = parser.getTextCharacters();
		int offset = parser.getTextOffset();
		int end = offset + parser.getTextLength();
		long seconds = 0;
		long millis = 0;
		int fraction = -1;
		boolean negative = false;
		for (int i = offset; i < end; i++) {
			char c = chars[i];
			if (c == '-' && i == offset) {
				negative = true;
			}
			else if (c == '.' && fraction < 0) {
				fraction = 0;
			}
			else if (c >= '0' && c <= '9') {
				if (fraction < 0) {
					seconds = seconds * 10 + (c - '0');
				}
				else if (fraction < 3) {
					millis = millis * 10 + (c - '0');
					fraction++;
				}
			}
			else {
				return Instant.ofEpochMilli(parser.getDecimalValue().movePointRight(3).longValue());
			}
		}
		for (int f = Math.max(fraction, 0); f < 3; f++) {
			millis *= 10;
		}
		long total = seconds * 1000 + millis;
		return Instant.ofEpochMilli(negative ? -total : total);
	}

	/** The fields of a row, as they come. */
	private static final class Fields {

		String arn;

		String account;

		String severity;

		String status;

		String type;

		String title;

		String vulnerabilityId;

		String resourceType;

		String resourceId;

		Double score;

		String fixAvailable;

		String exploitAvailable;

		Instant firstObservedAt;

		Instant lastObservedAt;

		Instant updatedAt;

		FindingRow row(String region) {
			return new FindingRow(arn, account, region, severity, status, type, title, vulnerabilityId, resourceType,
					resourceId, score, fixAvailable, exploitAvailable, firstObservedAt, lastObservedAt, updatedAt);
		}

	}

	/** An ISO-8601 timestamp or epoch seconds written as a string. */
	static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return Instant.ofEpochMilli(new BigDecimal(text).movePointRight(3).longValue());
		}
	}

	@Override
	public void close() {
		try {
			parser.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
