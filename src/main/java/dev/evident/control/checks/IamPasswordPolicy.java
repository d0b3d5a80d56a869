package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every account has an IAM password policy at least as strict as the control's
 * parameters: length, character classes, maximum age and reuse prevention.
 */
@Component
public class IamPasswordPolicy extends AccountCheck {

	@Override
	public List<String> reads() {
		return List.of("iam:GetAccountPasswordPolicy");
	}

	private static final Map<String, String> CLASSES = Map.of("require_symbols", "symbols", "require_numbers",
			"numbers", "require_uppercase", "uppercase letters", "require_lowercase", "lowercase letters");

	private final JdbcTemplate jdbc;

	public IamPasswordPolicy(JdbcTemplate jdbc) {
		super("iam:AccountSettings", "password policy");
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		Map<String, Class<?>> types = new LinkedHashMap<>();
		types.put("minimum_length", Number.class);
		CLASSES.keySet().forEach(k -> types.put(k, Boolean.class));
		types.put("max_age_days", Number.class);
		types.put("reuse_prevention", Number.class);
		return types;
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account) {
		String id = account.id();
		String resource = "password policy of account " + id;
		List<Map<String, Object>> rows = jdbc
			.queryForList("SELECT * FROM ev_password_policy WHERE run_id = ? AND account_id = ?", ctx.runId(), id);
		if (rows.isEmpty()) {
			return List.of(CheckResult.noEvidence(id, resource,
					"No IAM account settings were collected for account " + id + "."));
		}
		Map<String, Object> p = rows.get(0);
		List<String> evidence = CheckSupport.evidence(jdbc, ctx.runId(), id, "iam:GetAccountPasswordPolicy",
				"raw/" + id + "/iam/GetAccountPasswordPolicy.json");
		if (!Boolean.TRUE.equals(p.get("present"))) {
			return List.of(CheckResult.fail(id, resource, "Account " + id + " has no password policy.", evidence));
		}
		List<String> unmet = new ArrayList<>();
		int length = ctx.intParameter("minimum_length");
		if (number(p.get("minimum_length")) < length) {
			unmet.add("minimum length " + p.get("minimum_length") + " is below " + length);
		}
		for (String key : List.of("require_symbols", "require_numbers", "require_uppercase", "require_lowercase")) {
			if (CheckSupport.booleanParameter(ctx, key) && !Boolean.TRUE.equals(p.get(key))) {
				unmet.add(CLASSES.get(key) + " are not required");
			}
		}
		int maxAge = ctx.intParameter("max_age_days");
		Object age = p.get("max_age_days");
		if (maxAge > 0 && (number(age) <= 0 || number(age) > maxAge)) {
			unmet.add((number(age) <= 0 ? "passwords do not expire" : "passwords expire after " + age + " days")
					+ " instead of at most " + maxAge);
		}
		int reuse = ctx.intParameter("reuse_prevention");
		if (number(p.get("reuse_prevention")) < reuse) {
			unmet.add("reuse prevention remembers " + number(p.get("reuse_prevention")) + " passwords instead of "
					+ reuse);
		}
		if (unmet.isEmpty()) {
			return List.of(CheckResult.pass(id, resource,
					"The password policy of account " + id + " meets every requirement of the control (minimum length "
							+ length + ", maximum age " + maxAge + " days, " + reuse + " passwords remembered).",
					evidence));
		}
		return List.of(CheckResult.fail(id, resource,
				"The password policy of account " + id + " falls short: " + String.join("; ", unmet) + ".", evidence));
	}

	private static int number(Object value) {
		return value instanceof Number n ? n.intValue() : 0;
	}

}
