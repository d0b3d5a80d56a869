package dev.evident.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.evident.report.IamSection.Root;
import dev.evident.report.IamSection.StaleKey;
import dev.evident.report.IamSection.User;
import dev.evident.report.ReportModel.Bounded;

/**
 * The IAM section, from the credential report (canonical text, instants as ISO-8601 with
 * {@code +00:00}), the virtual MFA devices and the account summaries.
 */
final class IamQueries extends StoreReader {

	static final String ROOT = "<root_account>";

	/** The credential report's instant format: comparable as text. */
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'",
			Locale.ROOT);

	IamQueries(JdbcTemplate jdbc, PdfSettings.Limits limits) {
		super(jdbc, limits);
	}

	IamSection load(String runId, OffsetDateTime asOf, Thresholds thresholds) {
		return new IamSection(roots(runId), usersWithoutMfa(runId), staleKeys(runId, asOf, thresholds.maxKeyAgeDays()),
				thresholds.maxKeyAgeDays(), thresholds.keyAgeSource());
	}

	private Bounded<Root> roots(String runId) {
		List<Root> rows = bounded(
				"""
						SELECT a.account_id, a.name, c.mfa_active, c.access_key_1_active, c.access_key_2_active,
						       c.password_last_used, c.access_key_1_last_used_date, c.access_key_2_last_used_date,
						       (SELECT COUNT(*) FROM ev_mfa_device m WHERE m.run_id = a.run_id AND m.account_id = a.account_id
						                                              AND m.user_arn LIKE '%:root'),
						       (SELECT COUNT(*) FROM ev_password_policy p WHERE p.run_id = a.run_id AND p.account_id = a.account_id),
						       (SELECT MAX(s.summary_value) FROM ev_account_summary s WHERE s.run_id = a.run_id
						               AND s.account_id = a.account_id AND s.summary_key = 'AccountMFAEnabled'),
						       (SELECT MAX(s.summary_value) FROM ev_account_summary s WHERE s.run_id = a.run_id
						               AND s.account_id = a.account_id AND s.summary_key = 'AccountAccessKeysPresent')
						FROM ev_account a
						LEFT JOIN ev_credential_report_row c
						       ON c.run_id = a.run_id AND c.account_id = a.account_id AND c.user_name = ?
						WHERE a.run_id = ? ORDER BY a.account_id""",
				limits.tableRows(), IamQueries::root, ROOT, runId);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM ev_account WHERE run_id = ?", runId));
	}

	private static Root root(ResultSet rs, int i) throws SQLException {
		String mfaActive = rs.getString(3);
		long summaryMfa = rs.getLong(11);
		boolean summaryKnown = !rs.wasNull();
		String mfa = mfaActive != null ? yesNo("true".equals(mfaActive))
				: summaryKnown ? yesNo(summaryMfa > 0) : "unknown";
		String type = "-";
		if ("yes".equals(mfa)) {
			type = rs.getLong(9) > 0 ? "virtual" : rs.getLong(10) > 0 ? "hardware" : "unknown";
		}
		String keys;
		if (rs.getString(4) != null) {
			List<String> active = new ArrayList<>();
			if ("true".equals(rs.getString(4))) {
				active.add("1");
			}
			if ("true".equals(rs.getString(5))) {
				active.add("2");
			}
			keys = active.isEmpty() ? "no" : "yes (key " + String.join(", ", active) + ")";
		}
		else {
			long present = rs.getLong(12);
			keys = rs.wasNull() ? "unknown" : yesNo(present > 0);
		}
		String keyUsed = latest(rs.getString(7), rs.getString(8));
		return new Root(str(rs, 1), str(rs, 2), mfa, type, keys, shortInstant(rs.getString(6)), shortInstant(keyUsed));
	}

	private Bounded<User> usersWithoutMfa(String runId) {
		String where = """
				FROM ev_credential_report_row c WHERE c.run_id = ? AND c.user_name <> ?
				AND c.password_enabled = 'true' AND c.mfa_active = 'false'""";
		List<User> rows = bounded("""
				SELECT c.account_id, a.name, c.user_name, c.arn, c.password_last_used
				FROM ev_credential_report_row c
				LEFT JOIN ev_account a ON a.run_id = c.run_id AND a.account_id = c.account_id
				WHERE c.run_id = ? AND c.user_name <> ? AND c.password_enabled = 'true' AND c.mfa_active = 'false'
				ORDER BY c.account_id, c.user_name""", limits.tableRows(),
				(rs, i) -> new User(str(rs, 1), str(rs, 2), str(rs, 3), str(rs, 4), shortInstant(str(rs, 5))), runId,
				ROOT);
		return new Bounded<>(rows, count("SELECT COUNT(*) " + where, runId, ROOT));
	}

	/**
	 * Active keys of IAM users (not root) not rotated within the threshold before as-of.
	 */
	private Bounded<StaleKey> staleKeys(String runId, OffsetDateTime asOf, int maxAgeDays) {
		if (asOf == null) {
			return IamSection.none();
		}
		String threshold = ISO.format(asOf.withOffsetSameInstant(ZoneOffset.UTC).minus(Duration.ofDays(maxAgeDays)));
		String union = """
				SELECT account_id, user_name, 1 AS k, access_key_1_last_rotated AS rotated,
				       access_key_1_last_used_date AS used
				FROM ev_credential_report_row WHERE run_id = ? AND user_name <> ? AND access_key_1_active = 'true'
				  AND (access_key_1_last_rotated IS NULL OR access_key_1_last_rotated NOT LIKE '2%' OR access_key_1_last_rotated < ?)
				UNION ALL
				SELECT account_id, user_name, 2 AS k, access_key_2_last_rotated AS rotated,
				       access_key_2_last_used_date AS used
				FROM ev_credential_report_row WHERE run_id = ? AND user_name <> ? AND access_key_2_active = 'true'
				  AND (access_key_2_last_rotated IS NULL OR access_key_2_last_rotated NOT LIKE '2%' OR access_key_2_last_rotated < ?)""";
		Object[] args = { runId, ROOT, threshold, runId, ROOT, threshold };
		List<StaleKey> rows = bounded(union + " ORDER BY 4, 1, 2, 3", limits.tableRows(), (rs, i) -> {
			String rotated = rs.getString(4);
			OffsetDateTime t = parse(rotated);
			String age = t == null ? "" : Long.toString(Duration.between(t, asOf).toDays());
			return new StaleKey(str(rs, 1), str(rs, 2), rs.getInt(3), shortInstant(PdfText.clean(rotated)), age,
					shortInstant(str(rs, 5)));
		}, args);
		return new Bounded<>(rows, count("SELECT COUNT(*) FROM (" + union + ") s", args));
	}

	private static String yesNo(boolean b) {
		return b ? "yes" : "no";
	}

	private static OffsetDateTime parse(String s) {
		try {
			return s == null ? null : OffsetDateTime.parse(s);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/**
	 * The later of two credential-report instants; canonical text when neither is one.
	 */
	private static String latest(String a, String b) {
		OffsetDateTime ta = parse(a);
		OffsetDateTime tb = parse(b);
		if (ta == null) {
			return tb != null ? b : a;
		}
		return tb != null && tb.isAfter(ta) ? b : a;
	}

	/**
	 * {@code 2025-09-29T12:00:00+00:00} as {@code 2025-09-29 12:00 UTC}; other text as
	 * is.
	 */
	static String shortInstant(String s) {
		OffsetDateTime t = parse(s);
		if (t == null) {
			return s == null ? "" : s;
		}
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
			.format(t.withOffsetSameInstant(ZoneOffset.UTC));
	}

}
