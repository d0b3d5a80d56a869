package dev.evident.iam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One cell of a credential report. Besides values, AWS writes three markers that are
 * facts in their own right: {@code N/A} (does not apply), {@code no_information} (never
 * used since AWS began tracking) and {@code not_supported} (the root user has no password
 * age, for example).
 */
public sealed interface CredentialValue {

	String NOT_APPLICABLE = "N/A";

	String NO_INFORMATION = "no_information";

	String NOT_SUPPORTED = "not_supported";

	/** The canonical text kept in the store. */
	String text();

	static CredentialValue parse(CredentialColumn column, String raw) {
		String v = raw == null ? "" : raw.trim();
		switch (v) {
			case NOT_APPLICABLE, NO_INFORMATION, NOT_SUPPORTED:
				return new Marker(v);
			default:
				break;
		}
		return switch (column.type()) {
			case TEXT -> new Text(v);
			case FLAG -> switch (v) {
				case "true" -> new Flag(true);
				case "false" -> new Flag(false);
				default -> throw new IllegalArgumentException(column.header()
						+ ": expected true, false, N/A, no_information or not_supported, got '" + v + "'");
			};
			case TIMESTAMP -> {
				try {
					yield new Time(OffsetDateTime.parse(v).toInstant());
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException(
							column.header() + ": expected an ISO-8601 time, got '" + v + "'");
				}
			}
		};
	}

	/** Reads the canonical text back from the store. */
	static CredentialValue ofStored(CredentialColumn column, String text) {
		return parse(column, text == null ? NOT_APPLICABLE : text);
	}

	default Optional<Instant> instant() {
		return this instanceof Time t ? Optional.of(t.value()) : Optional.empty();
	}

	default boolean isTrue() {
		return this instanceof Flag f && f.value();
	}

	/** A marker such as N/A. */
	record Marker(String text) implements CredentialValue {
	}

	/** A text value. */
	record Text(String text) implements CredentialValue {
	}

	/** true or false. */
	record Flag(boolean value) implements CredentialValue {

		@Override
		public String text() {
			return Boolean.toString(value);
		}
	}

	/** An instant. */
	record Time(Instant value) implements CredentialValue {

		@Override
		public String text() {
			return value.toString();
		}
	}

}
