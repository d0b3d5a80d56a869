package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

/**
 * A check of each account in scope over one evidence source: accounts that are not active
 * are not applicable, accounts whose source is a gap have no evidence, the rest are
 * evaluated by the subclass.
 */
abstract class AccountCheck implements Check {

	private final String source;

	private final String what;

	AccountCheck(String source, String what) {
		this.source = source;
		this.what = what;
	}

	@Override
	public final List<CheckResult> evaluate(CheckContext ctx) {
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			String id = account.id();
			if (!"ACTIVE".equals(account.status())) {
				results.add(CheckSupport.notActive(account));
			}
			else if (ctx.hasGap(id, source)) {
				results.add(CheckResult.noEvidence(id, "account " + id,
						"The " + what + " of account " + id + " could not be collected (see evidence gaps)."));
			}
			else {
				results.addAll(evaluate(ctx, account));
			}
		}
		return results;
	}

	/** Evaluates one active account whose source was collected. */
	abstract List<CheckResult> evaluate(CheckContext ctx, Account account);

}
