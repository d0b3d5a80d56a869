package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialColumn;
import dev.evident.iam.CredentialReportRow;
import dev.evident.iam.CredentialReportStore;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.stereotype.Component;

/** The root user of every account has MFA enabled, per the credential report. */
@Component
public class IamRootMfaEnabled implements Check {

	private final CredentialReportStore reports;

	public IamRootMfaEnabled(CredentialReportStore reports) {
		this.reports = reports;
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			List<CredentialReportRow> rows = "ACTIVE".equals(account.status()) ? reports.rows(ctx.runId(), account.id())
					: List.of();
			var unavailable = CredentialReportEvidence.unavailable(ctx, account, reports, rows);
			if (unavailable.isPresent()) {
				results.add(unavailable.get());
				continue;
			}
			List<String> evidence = List.of(CredentialReportEvidence.file(account.id()));
			CredentialReportRow root = rows.stream().filter(CredentialReportRow::isRoot).findFirst().orElse(null);
			String resource = root == null ? "account " + account.id() : root.get(CredentialColumn.ARN).text();
			if (root == null) {
				results.add(CheckResult.noEvidence(account.id(), resource,
						"The credential report of account " + account.id() + " has no <root_account> row."));
			}
			else if (root.get(CredentialColumn.MFA_ACTIVE).isTrue()) {
				results.add(CheckResult.pass(account.id(), resource,
						"The root user of account " + account.id() + " has MFA enabled.", evidence));
			}
			else {
				results.add(CheckResult.fail(account.id(), resource,
						"The root user of account " + account.id() + " has no MFA device.", evidence));
			}
		}
		return results;
	}

}
