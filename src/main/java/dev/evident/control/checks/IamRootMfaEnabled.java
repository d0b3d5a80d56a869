package dev.evident.control.checks;

import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialColumn;
import dev.evident.iam.CredentialReportRow;
import dev.evident.iam.CredentialReportStore;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.stereotype.Component;

/** The root user of every account has MFA enabled, per the credential report. */
@Component
public class IamRootMfaEnabled extends CredentialReportCheck {

	public IamRootMfaEnabled(CredentialReportStore reports) {
		super(reports);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence) {
		CredentialReportRow root = rows.stream().filter(CredentialReportRow::isRoot).findFirst().orElse(null);
		if (root == null) {
			return List.of(CheckResult.noEvidence(account.id(), "account " + account.id(),
					"The credential report of account " + account.id() + " has no <root_account> row."));
		}
		String resource = root.get(CredentialColumn.ARN).text();
		if (root.get(CredentialColumn.MFA_ACTIVE).isTrue()) {
			return List.of(CheckResult.pass(account.id(), resource,
					"The root user of account " + account.id() + " has MFA enabled.", evidence));
		}
		return List.of(CheckResult.fail(account.id(), resource,
				"The root user of account " + account.id() + " has no MFA device.", evidence));
	}

}
