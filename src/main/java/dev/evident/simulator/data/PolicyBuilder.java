package dev.evident.simulator.data;

import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.OrganizationalUnit;
import dev.evident.simulator.model.ServiceControlPolicy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the service control policies, adding the AWS-managed {@code p-FullAWSAccess}.
 */
final class PolicyBuilder {

	static final String FULL_ACCESS_CONTENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

	private PolicyBuilder() {
	}

	static List<ServiceControlPolicy> build(List<DataFile.ScpSpec> specs, SimulatedOrganization.Identity org,
			List<OrganizationalUnit> ous, List<Account> accounts) {
		Set<String> known = new HashSet<>();
		known.add(org.rootId());
		List<String> everything = new ArrayList<>();
		everything.add(org.rootId());
		ous.forEach(ou -> {
			known.add(ou.id());
			everything.add(ou.id());
		});
		accounts.forEach(a -> {
			known.add(a.id());
			everything.add(a.id());
		});

		List<ServiceControlPolicy> policies = new ArrayList<>();
		policies.add(new ServiceControlPolicy("p-FullAWSAccess",
				"arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "FullAWSAccess",
				"Allows access to every operation", true, FULL_ACCESS_CONTENT, List.copyOf(everything)));
		for (DataFile.ScpSpec spec : specs) {
			if (spec.id() == null || !spec.id().matches("p-[0-9a-zA-Z_]{8,128}")) {
				throw new IllegalArgumentException("policy id must match p-[0-9a-zA-Z_]{8,128}: " + spec.id());
			}
			List<String> targets = spec.targets()
				.stream()
				.map(t -> t.equals("root") ? org.rootId() : t)
				.peek(t -> DataLoader.require(known.contains(t) ? t : null, "SCP target " + t))
				.toList();
			String content = spec.content() == null ? FULL_ACCESS_CONTENT : spec.content().toString();
			policies.add(new ServiceControlPolicy(spec.id(),
					"arn:aws:organizations::" + org.managementAccountId() + ":policy/" + org.organizationId()
							+ "/service_control_policy/" + spec.id(),
					spec.name(), spec.description(), false, content, targets));
		}
		return policies;
	}

}
