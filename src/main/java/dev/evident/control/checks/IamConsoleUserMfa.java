package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialColumn;
import dev.evident.iam.CredentialReportRow;
import dev.evident.iam.CredentialReportStore;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.stereotype.Component;

/** Every IAM user with a console password has MFA enabled. */
@Component
public class IamConsoleUserMfa extends CredentialReportCheck {

	public IamConsoleUserMfa(CredentialReportStore reports) {
		super(reports);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence) {
		List<CheckResult> results = new ArrayList<>();
		List<CredentialReportRow> console = rows.stream()
			.filter(r -> !r.isRoot() && r.get(CredentialColumn.PASSWORD_ENABLED).isTrue())
			.toList();
		if (console.isEmpty()) {
			results.add(CheckResult.notApplicable(account.id(), "account " + account.id(),
					"Account " + account.id() + " has no IAM user with a console password."));
		}
		for (CredentialReportRow user : console) {
			String arn = user.get(CredentialColumn.ARN).text();
			if (user.get(CredentialColumn.MFA_ACTIVE).isTrue()) {
				results.add(CheckResult.pass(account.id(), arn, "Console user " + user.user() + " has MFA enabled.",
						evidence));
			}
			else {
				results.add(CheckResult.fail(account.id(), arn,
						"Console user " + user.user() + " signs in with a password and no MFA.", evidence));
			}
		}
		return results;
	}

}
