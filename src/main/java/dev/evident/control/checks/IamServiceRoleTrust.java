package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A role that an AWS service assumes trusts only AWS services: a trust policy that names
 * a Service principal and also an account, role, user or federated identity fails.
 */
@Component
public class IamServiceRoleTrust extends AuthorizationDetailsCheck {

	public IamServiceRoleTrust(JdbcTemplate jdbc) {
		super(jdbc);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<Principal> principals, List<String> evidence) {
		List<CheckResult> results = new ArrayList<>();
		for (Principal role : principals) {
			List<String> services = role.trustedPrincipals().stream().filter(t -> t.startsWith("Service:")).toList();
			if (!"ROLE".equals(role.type()) || services.isEmpty()) {
				continue;
			}
			String names = String.join(", ", services.stream().map(s -> s.substring("Service:".length())).toList());
			List<String> others = role.trustedPrincipals().stream().filter(t -> !t.startsWith("Service:")).toList();
			if (others.isEmpty()) {
				results.add(CheckResult.pass(account.id(), role.arn(),
						"Role " + role.name() + " can be assumed only by AWS services (" + names + ").", evidence));
			}
			else {
				results.add(CheckResult.fail(account.id(), role.arn(), "Role " + role.name() + " is trusted by AWS "
						+ "services (" + names + ") and also by " + String.join(", ", others) + ".", evidence));
			}
		}
		if (results.isEmpty()) {
			results.add(CheckResult.notApplicable(account.id(), "account " + account.id(),
					"Account " + account.id() + " has no IAM role trusted by an AWS service."));
		}
		return results;
	}

}
