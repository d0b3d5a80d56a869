package dev.evident.organizations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.evident.aws.RawSink;
import dev.evident.organizations.OrganizationSnapshot.Account;
import dev.evident.organizations.OrganizationSnapshot.DelegatedAdmin;
import dev.evident.organizations.OrganizationSnapshot.OrgUnit;
import dev.evident.organizations.OrganizationSnapshot.Organization;
import dev.evident.organizations.OrganizationSnapshot.Policy;
import dev.evident.organizations.OrganizationSnapshot.PolicyTarget;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListDelegatedAdministratorsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Walks the organization once from the management (or delegated administrator) account:
 * the organization, its root, the OU tree breadth first, the accounts of every parent,
 * the service control policies with their content and targets, and the delegated
 * administrators. Every page of every response is kept as raw evidence.
 */
public class OrganizationCollector {

	/** The services whose delegated administrator Evident collects from. */
	static final List<String> SERVICE_PRINCIPALS = List.of("inspector2.amazonaws.com");

	private final OrganizationsClient client;

	private final RawSink raw;

	public OrganizationCollector(OrganizationsClient client, RawSink raw) {
		this.client = client;
		this.raw = raw;
	}

	public static DescribeOrganizationResponse describe(OrganizationsClient client) {
		return client.describeOrganization();
	}

	public OrganizationSnapshot collect(DescribeOrganizationResponse described, Scope scope) {
		raw.json("organizations", "DescribeOrganization", "DescribeOrganization", "", described);
		var org = described.organization();
		Root root = roots();
		boolean scpEnabled = root.policyTypes()
			.stream()
			.anyMatch(t -> t.type() == PolicyType.SERVICE_CONTROL_POLICY && "ENABLED".equals(t.statusAsString()));
		List<OrgUnit> units = new ArrayList<>();
		List<Account> accounts = new ArrayList<>();
		Map<String, String> paths = new HashMap<>();
		paths.put(root.id(), "/" + root.id());
		Deque<String> parents = new ArrayDeque<>(List.of(root.id()));
		while (!parents.isEmpty()) {
			String parent = parents.removeFirst();
			int page = 0;
			for (ListAccountsForParentResponse r : client.listAccountsForParentPaginator(b -> b.parentId(parent))) {
				raw.json("organizations", "ListAccountsForParent-" + parent + "-" + (++page), "ListAccountsForParent",
						"ParentId=" + parent, r);
				for (var a : r.accounts()) {
					boolean management = a.id().equals(org.masterAccountId());
					String path = paths.get(parent);
					accounts.add(new Account(a.id(), a.name(), a.email(), status(a), a.joinedMethodAsString(),
							a.joinedTimestamp(), parent, path, management, scope.includes(a.id(), path)));
				}
			}
			page = 0;
			for (ListOrganizationalUnitsForParentResponse r : client
				.listOrganizationalUnitsForParentPaginator(b -> b.parentId(parent))) {
				raw.json("organizations", "ListOrganizationalUnitsForParent-" + parent + "-" + (++page),
						"ListOrganizationalUnitsForParent", "ParentId=" + parent, r);
				for (var ou : r.organizationalUnits()) {
					String path = paths.get(parent) + "/" + ou.id();
					paths.put(ou.id(), path);
					units.add(new OrgUnit(ou.id(), ou.name(), parent, path));
					parents.addLast(ou.id());
				}
			}
		}
		List<Policy> policies = new ArrayList<>();
		List<PolicyTarget> targets = new ArrayList<>();
		if (scpEnabled) {
			collectPolicies(policies, targets);
		}
		Organization organization = new Organization(org.id(), org.arn(), org.featureSetAsString(),
				org.masterAccountId(), org.masterAccountEmail(), root.id(), scpEnabled);
		return new OrganizationSnapshot(organization, units, accounts, policies, targets, delegatedAdmins());
	}

	private Root roots() {
		int page = 0;
		Root first = null;
		for (ListRootsResponse r : client.listRootsPaginator(b -> {
		})) {
			raw.json("organizations", "ListRoots-" + (++page), "ListRoots", "", r);
			if (first == null && !r.roots().isEmpty()) {
				first = r.roots().get(0);
			}
		}
		if (first == null) {
			throw new IllegalStateException("the organization has no root");
		}
		return first;
	}

	private void collectPolicies(List<Policy> policies, List<PolicyTarget> targets) {
		int page = 0;
		for (ListPoliciesResponse r : client.listPoliciesPaginator(
				b -> b.filter(software.amazon.awssdk.services.organizations.model.PolicyType.SERVICE_CONTROL_POLICY))) {
			raw.json("organizations", "ListPolicies-SERVICE_CONTROL_POLICY-" + (++page), "ListPolicies",
					"Filter=SERVICE_CONTROL_POLICY", r);
			for (var summary : r.policies()) {
				var described = client.describePolicy(b -> b.policyId(summary.id()));
				raw.json("organizations", "DescribePolicy-" + summary.id(), "DescribePolicy",
						"PolicyId=" + summary.id(), described);
				policies.add(new Policy(summary.id(), summary.name(), summary.typeAsString(),
						Boolean.TRUE.equals(summary.awsManaged()), summary.description(),
						described.policy().content()));
				int targetPage = 0;
				for (ListTargetsForPolicyResponse t : client
					.listTargetsForPolicyPaginator(b -> b.policyId(summary.id()))) {
					raw.json("organizations", "ListTargetsForPolicy-" + summary.id() + "-" + (++targetPage),
							"ListTargetsForPolicy", "PolicyId=" + summary.id(), t);
					t.targets()
						.forEach(x -> targets
							.add(new PolicyTarget(summary.id(), x.targetId(), x.typeAsString(), x.name())));
				}
			}
		}
	}

	/**
	 * The delegated administrators, once unfiltered (the complete list, kept raw) and
	 * once per service principal that Evident reads from, to learn which account
	 * administers which service.
	 */
	private List<DelegatedAdmin> delegatedAdmins() {
		List<DelegatedAdmin> result = new ArrayList<>();
		int page = 0;
		for (ListDelegatedAdministratorsResponse r : client.listDelegatedAdministratorsPaginator(b -> {
		})) {
			raw.json("organizations", "ListDelegatedAdministrators-" + (++page), "ListDelegatedAdministrators", "", r);
		}
		for (String principal : SERVICE_PRINCIPALS) {
			int servicePage = 0;
			for (ListDelegatedAdministratorsResponse r : client
				.listDelegatedAdministratorsPaginator(b -> b.servicePrincipal(principal))) {
				raw.json("organizations", "ListDelegatedAdministrators-" + principal + "-" + (++servicePage),
						"ListDelegatedAdministrators", "ServicePrincipal=" + principal, r);
				r.delegatedAdministrators()
					.forEach(a -> result
						.add(new DelegatedAdmin(a.id(), principal, a.name(), a.delegationEnabledDate())));
			}
		}
		return result;
	}

	private static String status(software.amazon.awssdk.services.organizations.model.Account a) {
		String state = a.stateAsString();
		return state != null && !state.isBlank() ? state : a.statusAsString();
	}

	/**
	 * Which accounts the run collects: listed accounts, accounts under listed OUs, or
	 * all.
	 */
	public record Scope(Set<String> accounts, Set<String> ous) {

		public boolean includes(String accountId, String ouPath) {
			if (accounts.isEmpty() && ous.isEmpty()) {
				return true;
			}
			return accounts.contains(accountId) || ous.stream().anyMatch(ou -> ouPath.contains("/" + ou));
		}
	}

}
