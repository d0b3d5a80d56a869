package dev.evident.control.checks;

import java.time.Duration;
import java.time.Instant;
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
 * No IAM user keeps an enabled password or an active access key that was last used (or,
 * never used, created) more than {@code days} days before the evaluation time.
 */
@Component
public class IamUnusedCredentialsDisabled extends CredentialReportCheck {

	public IamUnusedCredentialsDisabled(CredentialReportStore reports) {
		super(reports);
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("days", Number.class);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence) {
		int days = ctx.intParameter("days");
		Instant cutoff = ctx.asOf().minus(Duration.ofDays(days));
		String asOf = CheckSupport.date(ctx.asOf());
		List<CheckResult> results = new ArrayList<>();
		for (CredentialReportRow user : rows) {
			if (user.isRoot()) {
				continue;
			}
			Instant created = user.get(CredentialColumn.USER_CREATION_TIME).instant().orElse(null);
			List<String> unused = new ArrayList<>();
			List<String> used = new ArrayList<>();
			if (user.get(CredentialColumn.PASSWORD_ENABLED).isTrue()) {
				Instant set = user.get(CredentialColumn.PASSWORD_LAST_CHANGED).instant().orElse(created);
				classify("password", user.get(CredentialColumn.PASSWORD_LAST_USED).instant().orElse(null), set, ctx,
						cutoff, used, unused);
			}
			for (AccessKey key : AccessKey.active(user)) {
				classify("access key " + key.number(), key.lastUsed(), key.lastRotated(), ctx, cutoff, used, unused);
			}
			if (used.isEmpty() && unused.isEmpty()) {
				continue;
			}
			String arn = user.get(CredentialColumn.ARN).text();
			if (unused.isEmpty()) {
				results.add(CheckResult.pass(account.id(), arn, "User " + user.user() + " used every credential within "
						+ days + " days before " + asOf + ": " + String.join(", ", used) + ".", evidence));
			}
			else {
				results
					.add(CheckResult.fail(
							account.id(), arn, "User " + user.user() + " has credentials unused for " + "more than "
									+ days + " days before " + asOf + ": " + String.join(", ", unused) + ".",
							evidence));
			}
		}
		if (results.isEmpty()) {
			results.add(CheckResult.notApplicable(account.id(), "account " + account.id(),
					"Account " + account.id() + " has no IAM user with an enabled password or an active access key."));
		}
		return results;
	}

	private static void classify(String credential, Instant lastUsed, Instant created, CheckContext ctx, Instant cutoff,
			List<String> used, List<String> unused) {
		Instant since = lastUsed != null ? lastUsed : created;
		if (since == null) {
			unused.add(credential + " never used, creation date unknown");
			return;
		}
		String text = credential + (lastUsed != null ? " last used " : " never used, created ")
				+ CheckSupport.date(since) + " (" + CheckSupport.dayCount(CheckSupport.days(since, ctx.asOf())) + ")";
		(since.isBefore(cutoff) ? unused : used).add(text);
	}

}
