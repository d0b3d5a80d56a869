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

/** The root user of every account has no active access key, per the credential report. */
@Component
public class IamRootNoAccessKeys extends CredentialReportCheck {

	public IamRootNoAccessKeys(CredentialReportStore reports) {
		super(reports);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows,
			List<String> evidence) {
		String id = account.id();
		CredentialReportRow root = CheckSupport.root(rows);
		if (root == null) {
			return List.of(CheckSupport.noRootRow(id));
		}
		String resource = root.get(CredentialColumn.ARN).text();
		List<String> active = new ArrayList<>();
		if (root.get(CredentialColumn.ACCESS_KEY_1_ACTIVE).isTrue()) {
			active.add("1");
		}
		if (root.get(CredentialColumn.ACCESS_KEY_2_ACTIVE).isTrue()) {
			active.add("2");
		}
		if (active.isEmpty()) {
			return List.of(CheckResult.pass(id, resource,
					"The root user of account " + id + " has no active access key.", evidence));
		}
		String keys = active.size() == 1 ? "an active access key (key " + active.get(0) + ")"
				: "two active access keys (keys 1 and 2)";
		return List
			.of(CheckResult.fail(id, resource, "The root user of account " + id + " has " + keys + ".", evidence));
	}

}
