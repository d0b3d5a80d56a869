package dev.evident.iam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Credential report rows in the evidence store, keyed by run, account and user. */
@Repository
public class CredentialReportStore {

	private static final String COLUMNS = Arrays.stream(CredentialColumn.values())
		.map(CredentialColumn::column)
		.collect(Collectors.joining(", "));

	private final JdbcTemplate jdbc;

	public CredentialReportStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces one account's rows: a retried or restarted partition never duplicates a
	 * user.
	 */
	public void replace(String runId, String accountId, List<CredentialReportRow> rows) {
		jdbc.update("DELETE FROM ev_credential_report_row WHERE run_id = ? AND account_id = ?", runId, accountId);
		String marks = Arrays.stream(CredentialColumn.values()).map(c -> "?").collect(Collectors.joining(", "));
		List<Object[]> args = new ArrayList<>();
		for (CredentialReportRow row : rows) {
			Object[] a = new Object[CredentialColumn.values().length + 2];
			a[0] = runId;
			a[1] = accountId;
			for (CredentialColumn c : CredentialColumn.values()) {
				a[c.ordinal() + 2] = row.get(c).text();
			}
			args.add(a);
		}
		jdbc.batchUpdate("INSERT INTO ev_credential_report_row (run_id, account_id, " + COLUMNS + ") VALUES (?, ?, "
				+ marks + ")", args);
	}

	public List<CredentialReportRow> rows(String runId, String accountId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM ev_credential_report_row WHERE run_id = ? AND account_id = ? "
				+ "ORDER BY user_name", (rs, i) -> {
					Map<CredentialColumn, CredentialValue> values = new EnumMap<>(CredentialColumn.class);
					for (CredentialColumn c : CredentialColumn.values()) {
						values.put(c, CredentialValue.ofStored(c, rs.getString(c.column())));
					}
					return new CredentialReportRow(accountId, values);
				}, runId, accountId);
	}

	public boolean hasReport(String runId, String accountId) {
		Integer n = jdbc.queryForObject(
				"SELECT COUNT(*) FROM ev_credential_report_row WHERE run_id = ? AND account_id = ?", Integer.class,
				runId, accountId);
		return n != null && n > 0;
	}

}
