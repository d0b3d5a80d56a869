package dev.evident.control.checks;

import java.time.Instant;
import java.util.LinkedHashMap;
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
 * The root user was not used (password or access keys) within the last {@code days} days
 * before the evaluation time, per the credential report. N/A and no_information mean
 * never used.
 */
@Component
public class IamRootNotUsed extends CredentialReportCheck {

	private static final Map<CredentialColumn, String> USES = Map.of(CredentialColumn.PASSWORD_LAST_USED, "password",
			CredentialColumn.ACCESS_KEY_1_LAST_USED_DATE, "access key 1", CredentialColumn.ACCESS_KEY_2_LAST_USED_DATE,
			"access key 2");

	public IamRootNotUsed(CredentialReportStore reports) {
		super(reports);
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("days", Number.class);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence) {
		String id = account.id();
		CredentialReportRow root = CheckSupport.root(rows);
		if (root == null) {
			return List.of(CheckSupport.noRootRow(id));
		}
		int days = ctx.intParameter("days");
		String resource = root.get(CredentialColumn.ARN).text();
		Map<String, Instant> used = new LinkedHashMap<>();
		for (CredentialColumn c : List.of(CredentialColumn.PASSWORD_LAST_USED,
				CredentialColumn.ACCESS_KEY_1_LAST_USED_DATE, CredentialColumn.ACCESS_KEY_2_LAST_USED_DATE)) {
			root.get(c).instant().ifPresent(t -> used.put(USES.get(c), t));
		}
		if (used.isEmpty()) {
			return List.of(CheckResult.pass(id, resource,
					"The root user of account " + id + " has no recorded use of its password or access keys as of "
							+ CheckSupport.date(ctx.asOf()) + ".",
					evidence));
		}
		Map.Entry<String, Instant> last = used.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
		long ago = CheckSupport.days(last.getValue(), ctx.asOf());
		String when = "The root user of account " + id + " was last used (" + last.getKey() + ") on "
				+ CheckSupport.date(last.getValue()) + ", " + CheckSupport.dayCount(ago) + " before "
				+ CheckSupport.date(ctx.asOf());
		if (last.getValue().isBefore(ctx.asOf().minus(java.time.Duration.ofDays(days)))) {
			return List.of(CheckResult.pass(id, resource, when + ", more than " + days + " days.", evidence));
		}
		return List.of(CheckResult.fail(id, resource, when + ", within the last " + days + " days.", evidence));
	}

}
