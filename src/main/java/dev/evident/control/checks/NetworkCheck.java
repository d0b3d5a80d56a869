package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.network.CollectNetworkTasklet;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A check of each account's network configuration, region by region: accounts that are
 * not active are not applicable; an account whose network could not be collected has no
 * evidence; in each of its regions, one the account does not use is not applicable (never
 * a failure), one that was refused has no evidence, and the subclass evaluates the rest.
 * An account without any resource to evaluate in its collected regions is not applicable,
 * with the regions named.
 */
abstract class NetworkCheck implements Check {

	final JdbcTemplate jdbc;

	private final String what;

	/**
	 * @param what the resources the check evaluates, in the plural ("VPCs"), for the
	 * reason of an account that has none
	 */
	NetworkCheck(JdbcTemplate jdbc, String what) {
		this.jdbc = jdbc;
		this.what = what;
	}

	@Override
	public final List<CheckResult> evaluate(CheckContext ctx) {
		validate(ctx);
		Map<String, List<NetworkEvidence.AccountRegion>> regions = NetworkEvidence.regions(jdbc, ctx.runId());
		List<CheckResult> results = new ArrayList<>();
		for (Account account : ctx.accounts()) {
			String id = account.id();
			if (!"ACTIVE".equals(account.status())) {
				results.add(CheckSupport.notActive(account));
				continue;
			}
			if (ctx.hasGap(id, CollectNetworkTasklet.SOURCE)) {
				results.add(CheckResult.noEvidence(id, "account " + id,
						"The network configuration of account " + id + " could not be collected (see evidence gaps)."));
				continue;
			}
			List<NetworkEvidence.AccountRegion> own = regions.getOrDefault(id, List.of());
			if (own.isEmpty()) {
				results.add(CheckResult.noEvidence(id, "account " + id,
						"No network configuration was collected for account " + id + "."));
				continue;
			}
			List<CheckResult> evaluated = new ArrayList<>();
			List<String> collected = new ArrayList<>();
			for (NetworkEvidence.AccountRegion region : own) {
				String resource = id + " " + region.region();
				switch (region.status()) {
					case "NOT_ENABLED" -> results.add(CheckResult.notApplicable(id, resource, "Region "
							+ region.region() + " is not in use in account " + id + ": " + region.note() + "."));
					case "GAP" ->
						results.add(CheckResult.noEvidence(id, resource, "The network configuration of account " + id
								+ " in " + region.region() + " could not be collected (" + region.note() + ")."));
					default -> {
						collected.add(region.region());
						evaluated.addAll(evaluate(ctx, id, region.region(),
								NetworkEvidence.files(jdbc, ctx.runId(), id, region.region(), operations())));
					}
				}
			}
			if (evaluated.isEmpty() && !collected.isEmpty()) {
				results.add(CheckResult.notApplicable(id, "account " + id,
						"Account " + id + " has no " + what + " in " + String.join(", ", collected) + "."));
			}
			results.addAll(evaluated);
		}
		return results;
	}

	/** Fails on a parameter that cannot be used, whatever was collected. */
	void validate(CheckContext ctx) {
	}

	/** The EC2 operations whose raw responses back a result. */
	abstract List<String> operations();

	@Override
	public List<String> reads() {
		return operations().stream().map(o -> "ec2:" + o).toList();
	}

	/** Evaluates the resources of one account's collected region. */
	abstract List<CheckResult> evaluate(CheckContext ctx, String accountId, String region, List<String> evidence);

}
