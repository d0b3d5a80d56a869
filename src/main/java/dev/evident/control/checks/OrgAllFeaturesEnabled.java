package dev.evident.control.checks;

import java.util.List;

import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organization has all features enabled, without which service control policies and
 * delegated administration are unavailable.
 */
@Component
public class OrgAllFeaturesEnabled implements Check {

	@Override
	public List<String> reads() {
		return List.of("organizations:DescribeOrganization");
	}

	private final JdbcTemplate jdbc;

	public OrgAllFeaturesEnabled(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		CollectedOrganization org = CollectedOrganization.load(jdbc, ctx.runId());
		if (org == null) {
			return List
				.of(CollectedOrganization.notCollected(ctx.managementAccountId(), "organization", "its feature set"));
		}
		List<String> evidence = org.evidence("DescribeOrganization.json");
		if ("ALL".equals(org.featureSet())) {
			return List.of(CheckResult.pass(org.managementAccountId(), org.resource(),
					"Organization " + org.id() + " has all features enabled (feature set ALL).", evidence));
		}
		return List
			.of(CheckResult.fail(
					org.managementAccountId(), org.resource(), "Organization " + org.id() + " has feature set "
							+ org.featureSet() + " instead of ALL, so it cannot use service control policies.",
					evidence));
	}

}
