package dev.evident.control.checks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import dev.evident.control.CheckContext;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.SqlDialect;
import dev.evident.organizations.OrganizationSnapshot.Account;
import dev.evident.run.Period;

import org.springframework.jdbc.core.JdbcTemplate;

/** A migrated in-memory store and helpers to put evidence in it, for check tests. */
final class CheckFixture {

	static final String RUN = "check-test";

	static final Instant AS_OF = Instant.parse("2026-10-15T00:00:00Z");

	static final String MANAGEMENT = "111111111111";

	final JdbcTemplate jdbc;

	final Gaps gaps;

	CheckFixture() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(ds).load().migrate();
		jdbc = new JdbcTemplate(ds);
		gaps = new Gaps(jdbc, SqlDialect.H2);
	}

	static Account active(String id) {
		return new Account(id, "Account " + id, null, "ACTIVE", "CREATED", null, "r-1", "/r-1", false, true);
	}

	static Account suspended(String id) {
		return new Account(id, "Account " + id, null, "SUSPENDED", "CREATED", null, "r-1", "/r-1", false, true);
	}

	CheckContext context(Map<String, Object> parameters, Account... accounts) {
		return new CheckContext(RUN, AS_OF, Period.parse("2026-Q3"), MANAGEMENT, List.of(accounts), gaps, parameters);
	}

	/** A credential report row; cells not given are N/A. */
	void user(String account, String user, boolean passwordEnabled, boolean mfa) {
		String arn = "<root_account>".equals(user) ? "arn:aws:iam::" + account + ":root"
				: "arn:aws:iam::" + account + ":user/" + user;
		jdbc.update(
				"INSERT INTO ev_credential_report_row (run_id, account_id, user_name, arn, password_enabled, "
						+ "mfa_active, user_creation_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
				RUN, account, user, arn,
				"<root_account>".equals(user) ? "not_supported" : Boolean.toString(passwordEnabled),
				Boolean.toString(mfa), "2024-01-01T00:00:00Z");
	}

	void gap(String account, String source) {
		gaps.record(RUN, account, source, "AccessDenied", "denied in a test");
	}

	void finding(String arn, String account, String severity, String status, int ageDays) {
		jdbc.update(
				"INSERT INTO ev_finding (run_id, finding_arn, account_id, region, severity, status, type, title, "
						+ "first_observed_at) VALUES (?, ?, ?, 'us-east-1', ?, ?, 'PACKAGE_VULNERABILITY', 't', ?)",
				RUN, arn, account, severity, status, AS_OF.minusSeconds(ageDays * 86400L).atOffset(ZoneOffset.UTC));
	}

	void artifactReport(String id, String name, String series, Instant start, Instant end) {
		jdbc.update(
				"INSERT INTO ev_artifact_report (run_id, report_id, name, series, version, state, period_start, "
						+ "period_end, document_path, document_sha256) VALUES (?, ?, ?, ?, 3, 'PUBLISHED', ?, ?, ?, ?)",
				RUN, id, name, series, start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC),
				"raw/" + MANAGEMENT + "/artifact/" + id + "-v3.pdf", "ab".repeat(32));
	}

}
