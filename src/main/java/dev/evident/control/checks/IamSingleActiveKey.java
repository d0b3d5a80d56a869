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

/**
 * No IAM user has two active access keys at once. Users without an active key are not
 * listed; the root user is covered by iam_root_no_access_keys.
 */
@Component
public class IamSingleActiveKey extends CredentialReportCheck {

	public IamSingleActiveKey(CredentialReportStore reports) {
		super(reports);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence) {
		List<CheckResult> results = new ArrayList<>();
		for (CredentialReportRow user : rows) {
			List<AccessKey> keys = user.isRoot() ? List.of() : AccessKey.active(user);
			String arn = user.get(CredentialColumn.ARN).text();
			if (keys.size() == 2) {
				results.add(CheckResult.fail(account.id(), arn,
						"User " + user.user() + " has two active access keys (keys 1 and 2).", evidence));
			}
			else if (keys.size() == 1) {
				results.add(CheckResult.pass(account.id(), arn,
						"User " + user.user() + " has a single active access key (key " + keys.get(0).number() + ").",
						evidence));
			}
		}
		if (results.isEmpty()) {
			results.add(CheckResult.notApplicable(account.id(), "account " + account.id(),
					"Account " + account.id() + " has no IAM user with an active access key."));
		}
		return results;
	}

}
