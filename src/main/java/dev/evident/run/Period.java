package dev.evident.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter such as {@code 2026-Q3}, in UTC. Reporting periods are always whole
 * quarters.
 */
public record Period(int year, int quarter) implements Comparable<Period> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

	public Period {
		if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("not a quarter: " + year + "-Q" + quarter);
		}
	}

	/**
	 * Parses {@code YYYY-Qn}; the message of the exception is fit for a one-line usage
	 * error.
	 */
	public static Period parse(String text) {
		Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a quarter; expected YYYY-Qn, for example 2026-Q3");
		}
		return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	/** The last quarter that ended on or before the given instant. */
	public static Period lastCompletedBefore(Instant instant) {
		LocalDate day = instant.atZone(ZoneOffset.UTC).toLocalDate();
		int q = (day.getMonthValue() - 1) / 3 + 1;
		return q == 1 ? new Period(day.getYear() - 1, 4) : new Period(day.getYear(), q - 1);
	}

	public LocalDate firstDay() {
		return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
	}

	public LocalDate lastDay() {
		return firstDay().plusMonths(3).minusDays(1);
	}

	/** Inclusive start of the quarter. */
	public Instant start() {
		return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** Exclusive end of the quarter. */
	public Instant end() {
		return firstDay().plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	@Override
	public int compareTo(Period o) {
		return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
	}

	@Override
	public String toString() {
		return year + "-Q" + quarter;
	}
}
