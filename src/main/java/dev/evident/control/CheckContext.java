package dev.evident.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.evident.evidence.Gaps;
import dev.evident.organizations.OrganizationSnapshot.Account;
import dev.evident.run.Period;

/**
 * What a check is evaluated against: the run, its one evaluation clock ({@code asOf}),
 * the reporting period, the accounts in scope, the gaps, and the control's parameters.
 */
public record CheckContext(String runId, Instant asOf, Period period, String managementAccountId,
		List<Account> accounts, Gaps gaps, Map<String, Object> parameters, String controlId) {

	public CheckContext(String runId, Instant asOf, Period period, String managementAccountId, List<Account> accounts,
			Gaps gaps, Map<String, Object> parameters) {
		this(runId, asOf, period, managementAccountId, accounts, gaps, parameters, null);
	}

	/** The same context for one control: its id and its parameters. */
	public CheckContext forControl(Control control) {
		return new CheckContext(runId, asOf, period, managementAccountId, accounts, gaps, control.check().params(),
				control.id());
	}

	/** A numeric parameter, such as a number of days. */
	public int intParameter(String name) {
		Object value = parameters.get(name);
		if (value instanceof Number n) {
			return n.intValue();
		}
		throw new IllegalStateException("parameter " + name + " is missing or not a number");
	}

	/** A nested map parameter, such as SLA days per severity. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> mapParameter(String name) {
		Object value = parameters.get(name);
		if (value instanceof Map<?, ?> m) {
			return (Map<String, Object>) m;
		}
		throw new IllegalStateException("parameter " + name + " is missing or not a map");
	}

	/** Whether collection failed for the account as a whole or for this source. */
	public boolean hasGap(String accountId, String source) {
		return gaps.has(runId, accountId, source);
	}
}
