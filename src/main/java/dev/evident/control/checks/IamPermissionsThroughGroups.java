package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * IAM users receive permissions only through groups: no attached or inline policy of
 * their own.
 */
@Component
public class IamPermissionsThroughGroups extends AuthorizationDetailsCheck {

	public IamPermissionsThroughGroups(JdbcTemplate jdbc) {
		super(jdbc);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<Principal> principals, List<String> evidence) {
		List<CheckResult> results = new ArrayList<>();
		for (Principal user : principals.stream().filter(p -> "USER".equals(p.type())).toList()) {
			if (!user.directPermissions()) {
				results.add(CheckResult.pass(account.id(), user.arn(),
						"User " + user.name() + " has no policy attached directly or inline.", evidence));
				continue;
			}
			List<String> policies = new ArrayList<>();
			user.attachedPolicies().forEach(p -> policies.add("attached " + p));
			user.inlinePolicies().forEach(p -> policies.add("inline " + p));
			results.add(CheckResult.fail(account.id(), user.arn(), "User " + user.name()
					+ " has policies of its own instead of through groups: " + String.join(", ", policies) + ".",
					evidence));
		}
		if (results.isEmpty()) {
			results.add(CheckResult.notApplicable(account.id(), "account " + account.id(),
					"Account " + account.id() + " has no IAM user."));
		}
		return results;
	}

}
