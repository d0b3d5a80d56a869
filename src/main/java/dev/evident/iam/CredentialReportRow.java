package dev.evident.iam;

import java.util.EnumMap;
import java.util.Map;

/** One user of one account's credential report, every column typed. */
public record CredentialReportRow(String accountId, Map<CredentialColumn, CredentialValue> values) {

	public static final String ROOT_USER = "<root_account>";

	public CredentialReportRow {
		values = new EnumMap<>(values);
	}

	public CredentialValue get(CredentialColumn column) {
		return values.getOrDefault(column, new CredentialValue.Marker(CredentialValue.NOT_APPLICABLE));
	}

	public String user() {
		return get(CredentialColumn.USER).text();
	}

	public boolean isRoot() {
		return ROOT_USER.equals(user());
	}
}
