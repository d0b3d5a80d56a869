package dev.evident.inspector;

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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON findings report as a stream, a few rows at a time: the document
 * {@code {"findings":[...]}} (or a bare array), each finding in the Inspector2
 * {@code Finding} shape. Only one finding is ever held as a tree. Timestamps may be epoch
 * seconds (the API's) or ISO-8601 strings.
 */
public final class FindingsReportParser implements AutoCloseable {

	private static final ObjectMapper MAPPER = new ObjectMapper();

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
			this.parser = MAPPER.getFactory().createParser(in);
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
				JsonNode finding = MAPPER.readTree(parser);
				parsed++;
				String account = text(finding, "awsAccountId");
				if (accounts.test(account)) {
					rows.add(row(finding, account));
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

	private FindingRow row(JsonNode f, String account) {
		JsonNode resource = f.path("resources").path(0);
		JsonNode score = f.get("inspectorScore");
		return new FindingRow(text(f, "findingArn"), account, region, text(f, "severity"), text(f, "status"),
				text(f, "type"), text(f, "title"), text(f.path("packageVulnerabilityDetails"), "vulnerabilityId"),
				text(resource, "type"), text(resource, "id"), score == null || score.isNull() ? null : score.asDouble(),
				text(f, "fixAvailable"), text(f, "exploitAvailable"), instant(f.get("firstObservedAt")),
				instant(f.get("lastObservedAt")), instant(f.get("updatedAt")));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
	}

	static Instant instant(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
		}
		String text = value.asText();
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
