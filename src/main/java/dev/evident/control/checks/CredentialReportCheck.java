package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialReportRow;
import dev.evident.iam.CredentialReportStore;
import dev.evident.organizations.OrganizationSnapshot.Account;

/**
 * A check over each account's credential report. Accounts that are not active are not
 * applicable; accounts whose report could not be collected have no evidence; the rest are
 * evaluated by the subclass.
 */
abstract class CredentialReportCheck implements Check {

	@Override
	public List<String> reads() {
		return List.of("iam:CredentialReport");
	}

	static final String SOURCE = "iam:CredentialReport";

	private final CredentialReportStore reports;

	CredentialReportCheck(CredentialReportStore reports) {
		this.reports = reports;
	}

	@Override
	public final List<CheckResult> evaluate(CheckContext ctx) {
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			String id = account.id();
			if (!"ACTIVE".equals(account.status())) {
				results.add(CheckResult.notApplicable(id, "account " + id,
						"Account " + id + " is " + account.status() + " and was not assessed."));
				continue;
			}
			if (ctx.hasGap(id, SOURCE)) {
				results.add(CheckResult.noEvidence(id, "account " + id,
						"The credential report of account " + id + " could not be collected (see evidence gaps)."));
				continue;
			}
			List<CredentialReportRow> rows = reports.rows(ctx.runId(), id);
			if (rows.isEmpty()) {
				results.add(CheckResult.noEvidence(id, "account " + id,
						"No credential report was collected for account " + id + "."));
				continue;
			}
			results.addAll(evaluate(ctx, account, rows, List.of("raw/" + id + "/iam/credential-report.csv")));
		}
		return results;
	}

	/** Evaluates one active account whose report was collected. */
	abstract List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence);

}
