package dev.evident.control.checks;

import java.util.List;
import java.util.Optional;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialReportRow;
import dev.evident.iam.CredentialReportStore;
import dev.evident.organizations.OrganizationSnapshot.Account;

/** Shared access to one account's credential report for the IAM checks. */
final class CredentialReportEvidence {

	static final String SOURCE = "iam:CredentialReport";

	private CredentialReportEvidence() {
	}

	static String file(String accountId) {
		return "raw/" + accountId + "/iam/credential-report.csv";
	}

	/**
	 * The report's rows, or the result that stands in for them: not applicable for an
	 * account that is not active, no evidence when collection failed.
	 */
	static Optional<CheckResult> unavailable(CheckContext ctx, Account account, CredentialReportStore store,
			List<CredentialReportRow> rows) {
		if (!"ACTIVE".equals(account.status())) {
			return Optional.of(CheckResult.notApplicable(account.id(), "account " + account.id(),
					"Account " + account.id() + " is " + account.status() + " and was not assessed."));
		}
		if (ctx.hasGap(account.id(), SOURCE)) {
			return Optional
				.of(CheckResult.noEvidence(account.id(), "account " + account.id(), "The credential report of account "
						+ account.id() + " could not be collected (see evidence gaps)."));
		}
		if (rows.isEmpty()) {
			return Optional.of(CheckResult.noEvidence(account.id(), "account " + account.id(),
					"No credential report was collected for account " + account.id() + "."));
		}
		return Optional.empty();
	}

}
