package dev.evident.simulator.service;

import dev.evident.simulator.model.AccessKey;
import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Builds the IAM credential report CSV exactly as AWS lays it out. */
final class CredentialReport {

	static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
			+ "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
			+ "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
			+ "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
			+ "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
			+ "cert_2_active,cert_2_last_rotated";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private CredentialReport() {
	}

	static String csv(IamAccount account) {
		StringBuilder sb = new StringBuilder(HEADER).append('\n');
		IamAccount.Root root = account.root();
		List<String> row = new ArrayList<>(List.of("<root_account>", "arn:aws:iam::" + account.accountId() + ":root",
				time(root.created()), "not_supported",
				root.passwordLastUsed() == null ? "no_information" : time(root.passwordLastUsed()), "not_supported",
				"not_supported", String.valueOf(root.mfaActive())));
		keys(row, root.accessKeys());
		line(sb, row);
		for (IamUser user : account.users()) {
			row = new ArrayList<>();
			row.add(user.name());
			row.add(user.arn());
			row.add(time(user.created()));
			row.add(String.valueOf(user.consoleAccess()));
			row.add(!user.consoleAccess() ? "N/A"
					: user.passwordLastUsed() == null ? "no_information" : time(user.passwordLastUsed()));
			row.add(user.consoleAccess() ? time(user.passwordLastChanged()) : "N/A");
			Integer maxAge = account.passwordPolicy() == null ? null : account.passwordPolicy().maxPasswordAge();
			row.add(user.consoleAccess() && maxAge != null
					? time(user.passwordLastChanged().plus(Duration.ofDays(maxAge))) : "N/A");
			row.add(String.valueOf(user.mfaActive()));
			keys(row, user.accessKeys());
			line(sb, row);
		}
		return sb.toString();
	}

	private static void keys(List<String> row, List<AccessKey> keys) {
		for (int i = 0; i < 2; i++) {
			AccessKey k = i < keys.size() ? keys.get(i) : null;
			row.add(String.valueOf(k != null && k.active()));
			row.add(k == null ? "N/A" : time(k.created()));
			row.add(k == null || k.lastUsed() == null ? "N/A" : time(k.lastUsed()));
			row.add(k == null || k.lastUsedRegion() == null ? "N/A" : k.lastUsedRegion());
			row.add(k == null || k.lastUsedService() == null ? "N/A" : k.lastUsedService());
		}
		row.addAll(List.of("false", "N/A", "false", "N/A"));
	}

	private static void line(StringBuilder sb, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			String cell = cells.get(i);
			boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
			sb.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
		}
		sb.append('\n');
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

}
