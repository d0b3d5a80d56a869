package dev.evident.control.checks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialReportRow;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;

/** Small helpers the checks share: parameters, days and dates, evidence files. */
final class CheckSupport {

	private CheckSupport() {
	}

	/** The result for an account that is not active, which is not assessed. */
	static CheckResult notActive(Account account) {
		return CheckResult.notApplicable(account.id(), "account " + account.id(),
				"Account " + account.id() + " is " + account.status() + " and was not assessed.");
	}

	/** The root user's row of a credential report, or null. */
	static CredentialReportRow root(List<CredentialReportRow> rows) {
		return rows.stream().filter(CredentialReportRow::isRoot).findFirst().orElse(null);
	}

	static CheckResult noRootRow(String accountId) {
		return CheckResult.noEvidence(accountId, "account " + accountId,
				"The credential report of account " + accountId + " has no <root_account> row.");
	}

	/** Whole days from {@code from} to {@code asOf}. */
	static long days(Instant from, Instant asOf) {
		return Duration.between(from, asOf).toDays();
	}

	/** "1 day", "12 days". */
	static String dayCount(long n) {
		return n + (n == 1 ? " day" : " days");
	}

	/** The UTC date of an instant, such as 2026-10-15. */
	static String date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	static boolean booleanParameter(CheckContext ctx, String name) {
		Object value = ctx.parameters().get(name);
		if (value instanceof Boolean b) {
			return b;
		}
		throw new IllegalStateException("parameter " + name + " is missing or not a boolean");
	}

	static List<String> listParameter(CheckContext ctx, String name) {
		Object value = ctx.parameters().get(name);
		if (value instanceof List<?> l) {
			return l.stream().map(String::valueOf).toList();
		}
		throw new IllegalStateException("parameter " + name + " is missing or not a list");
	}

	/**
	 * The raw files an operation wrote for an account (any account when null), or the
	 * fallback when none was recorded.
	 */
	static List<String> evidence(JdbcTemplate jdbc, String runId, String accountId, String operation, String fallback) {
		String sql = "SELECT path FROM ev_evidence_file WHERE run_id = ? AND operation = ? ";
		List<String> paths = accountId == null
				? jdbc.queryForList(sql + "ORDER BY path", String.class, runId, operation) : jdbc
					.queryForList(sql + "AND account_id = ? ORDER BY path", String.class, runId, operation, accountId);
		return paths.isEmpty() ? List.of(fallback) : paths;
	}

}
