package dev.evident.control.checks;

import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A check over each account's IAM users, groups and roles
 * (GetAccountAuthorizationDetails): an account with none recorded has no evidence.
 */
abstract class AuthorizationDetailsCheck extends AccountCheck {

	@Override
	public List<String> reads() {
		return List.of("iam:GetAccountAuthorizationDetails");
	}

	private final JdbcTemplate jdbc;

	AuthorizationDetailsCheck(JdbcTemplate jdbc) {
		super("iam:AuthorizationDetails", "authorization details");
		this.jdbc = jdbc;
	}

	@Override
	final List<CheckResult> evaluate(CheckContext ctx, Account account) {
		String id = account.id();
		List<Principal> principals = Principal.load(jdbc, ctx.runId(), id);
		if (principals.isEmpty()) {
			return List.of(CheckResult.noEvidence(id, "account " + id,
					"No IAM authorization details were collected for account " + id + "."));
		}
		return evaluate(ctx, account, principals, CheckSupport.evidence(jdbc, ctx.runId(), id,
				"iam:GetAccountAuthorizationDetails", "raw/" + id + "/iam/GetAccountAuthorizationDetails-1.json"));
	}

	/** Evaluates the principals of one active account. */
	abstract List<CheckResult> evaluate(CheckContext ctx, Account account, List<Principal> principals,
			List<String> evidence);

}
