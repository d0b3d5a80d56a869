package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialColumn;
import dev.evident.iam.CredentialReportRow;
import dev.evident.iam.CredentialReportStore;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.stereotype.Component;

/**
 * Every active access key of every IAM user was rotated within {@code max_age_days} days
 * before the evaluation time. The root user is covered by iam_root_no_access_keys.
 */
@Component
public class IamAccessKeysRotated extends CredentialReportCheck {

	public IamAccessKeysRotated(CredentialReportStore reports) {
		super(reports);
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("max_age_days", Number.class);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence) {
		int max = ctx.intParameter("max_age_days");
		String asOf = CheckSupport.date(ctx.asOf());
		List<CheckResult> results = new ArrayList<>();
		for (CredentialReportRow user : rows) {
			List<AccessKey> keys = user.isRoot() ? List.of() : AccessKey.active(user);
			if (keys.isEmpty()) {
				continue;
			}
			List<String> stale = new ArrayList<>();
			List<String> fresh = new ArrayList<>();
			for (AccessKey key : keys) {
				if (key.lastRotated() == null) {
					stale.add("access key " + key.number() + " (no rotation date)");
					continue;
				}
				long age = CheckSupport.days(key.lastRotated(), ctx.asOf());
				String text = "access key " + key.number() + " (" + CheckSupport.dayCount(age) + " old)";
				if (key.lastRotated().isBefore(ctx.asOf().minus(java.time.Duration.ofDays(max)))) {
					stale.add(text);
				}
				else {
					fresh.add(text);
				}
			}
			String arn = user.get(CredentialColumn.ARN).text();
			if (stale.isEmpty()) {
				results.add(CheckResult.pass(account.id(), arn, "User " + user.user() + " rotated "
						+ String.join(" and ", fresh) + " within " + max + " days before " + asOf + ".", evidence));
			}
			else {
				results.add(CheckResult.fail(account.id(), arn, "User " + user.user() + " has not rotated "
						+ String.join(" and ", stale) + " within " + max + " days before " + asOf + ".", evidence));
			}
		}
		if (results.isEmpty()) {
			results.add(CheckResult.notApplicable(account.id(), "account " + account.id(),
					"Account " + account.id() + " has no IAM user with an active access key."));
		}
		return results;
	}

}
