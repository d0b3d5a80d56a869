package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * No IAM user or group holds full administrative access ("*" on "*"), except the
 * break-glass principals named in parameter {@code break_glass}. Roles are not covered.
 */
@Component
public class IamNoFullAdmin extends AuthorizationDetailsCheck {

	public IamNoFullAdmin(JdbcTemplate jdbc) {
		super(jdbc);
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("break_glass", List.class);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<Principal> principals, List<String> evidence) {
		List<String> breakGlass = CheckSupport.listParameter(ctx, "break_glass");
		List<CheckResult> results = new ArrayList<>();
		for (Principal p : principals) {
			if (!p.fullAdmin() || "ROLE".equals(p.type())) {
				continue;
			}
			String via = String.join(", ", p.fullAdminVia());
			if (breakGlass.contains(p.name())) {
				results.add(
						CheckResult.pass(account.id(), p.arn(),
								p.label() + " has full administrative access via " + via
										+ " as a break-glass principal, allowed by the control's parameters.",
								evidence));
			}
			else {
				results.add(CheckResult.fail(account.id(), p.arn(),
						p.label() + " has full administrative access via " + via + ".", evidence));
			}
		}
		if (results.isEmpty()) {
			results.add(CheckResult.pass(account.id(), "account " + account.id(),
					"No IAM user or group of account " + account.id() + " has full administrative access.", evidence));
		}
		return results;
	}

}
