package dev.evident.organizations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

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
 * the organization, its root, the OU tree, the accounts of every parent, the service
 * control policies with their content and targets, and the delegated administrators.
 * Every page of every response is kept as raw evidence.
 * <p>
 * Each list is paged in order, but independent lists are fetched at once on the given
 * executor: the accounts and the child OUs of every parent (a child's lists as soon as
 * the child is known), each policy's content and targets, the delegated administrators.
 * The snapshot lists everything in the same order as a breadth-first walk would, so it
 * does not depend on which answer came first.
 */
public class OrganizationCollector {

	/** The services whose delegated administrator Evident collects from. */
	static final List<String> SERVICE_PRINCIPALS = List.of("inspector2.amazonaws.com");

	private final OrganizationsClient client;

	private final RawSink raw;

	private final Executor executor;

	/**
	 * @param raw where responses are kept, from several threads at once
	 * @param executor runs the independent lists
	 */
	public OrganizationCollector(OrganizationsClient client, RawSink raw, Executor executor) {
		this.client = client;
		this.raw = raw;
		this.executor = executor;
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
		CompletableFuture<List<PolicyListing>> policyListings = scpEnabled
				? async(this::policies).thenCompose(OrganizationCollector::allInOrder)
				: CompletableFuture.completedFuture(List.of());
		CompletableFuture<List<DelegatedAdmin>> admins = async(this::delegatedAdmins);
		Parent tree = join(walk(root.id(), "/" + root.id(), org.masterAccountId(), scope));
		List<OrgUnit> units = new ArrayList<>();
		List<Account> accounts = new ArrayList<>();
		Deque<Parent> parents = new ArrayDeque<>(List.of(tree));
		while (!parents.isEmpty()) {
			Parent parent = parents.removeFirst();
			accounts.addAll(parent.accounts());
			units.addAll(parent.units());
			parents.addAll(parent.children());
		}
		List<Policy> policies = new ArrayList<>();
		List<PolicyTarget> targets = new ArrayList<>();
		for (PolicyListing listing : join(policyListings)) {
			policies.add(listing.policy());
			targets.addAll(listing.targets());
		}
		Organization organization = new Organization(org.id(), org.arn(), org.featureSetAsString(),
				org.masterAccountId(), org.masterAccountEmail(), root.id(), scpEnabled);
		return new OrganizationSnapshot(organization, units, accounts, policies, targets, join(admins));
	}

	/** One parent (the root or an OU) with what it directly holds. */
	private record Parent(List<Account> accounts, List<OrgUnit> units, List<Parent> children) {
	}

	/**
	 * The accounts and child OUs of a parent, fetched at once, and then the children's,
	 * each as soon as it is known.
	 */
	private CompletableFuture<Parent> walk(String parent, String path, String management, Scope scope) {
		CompletableFuture<List<Account>> accounts = async(() -> accounts(parent, path, management, scope));
		CompletableFuture<List<OrgUnit>> units = async(() -> units(parent, path));
		CompletableFuture<List<Parent>> children = units.thenCompose(
				list -> allInOrder(list.stream().map(ou -> walk(ou.id(), ou.path(), management, scope)).toList()));
		return accounts.thenCombine(units, (a, u) -> new Parent(a, u, null))
			.thenCombine(children, (p, c) -> new Parent(p.accounts(), p.units(), c));
	}

	private List<Account> accounts(String parent, String path, String management, Scope scope) {
		List<Account> accounts = new ArrayList<>();
		int page = 0;
		for (ListAccountsForParentResponse r : client.listAccountsForParentPaginator(b -> b.parentId(parent))) {
			raw.json("organizations", "ListAccountsForParent-" + parent + "-" + (++page), "ListAccountsForParent",
					"ParentId=" + parent, r);
			for (var a : r.accounts()) {
				accounts.add(new Account(a.id(), a.name(), a.email(), status(a), a.joinedMethodAsString(),
						a.joinedTimestamp(), parent, path, a.id().equals(management), scope.includes(a.id(), path)));
			}
		}
		return accounts;
	}

	private List<OrgUnit> units(String parent, String path) {
		List<OrgUnit> units = new ArrayList<>();
		int page = 0;
		for (ListOrganizationalUnitsForParentResponse r : client
			.listOrganizationalUnitsForParentPaginator(b -> b.parentId(parent))) {
			raw.json("organizations", "ListOrganizationalUnitsForParent-" + parent + "-" + (++page),
					"ListOrganizationalUnitsForParent", "ParentId=" + parent, r);
			for (var ou : r.organizationalUnits()) {
				units.add(new OrgUnit(ou.id(), ou.name(), parent, path + "/" + ou.id()));
			}
		}
		return units;
	}

	private <T> CompletableFuture<T> async(Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, executor);
	}

	private static <T> CompletableFuture<List<T>> allInOrder(List<CompletableFuture<T>> futures) {
		return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
			.thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
	}

	/** Waits for a result; a failure is thrown as it was raised (an SdkException). */
	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
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

	/** A policy with its content and its targets. */
	private record PolicyListing(Policy policy, List<PolicyTarget> targets) {
	}

	/** The service control policies, each one's content and targets fetched at once. */
	private List<CompletableFuture<PolicyListing>> policies() {
		List<CompletableFuture<PolicyListing>> listings = new ArrayList<>();
		int page = 0;
		for (ListPoliciesResponse r : client.listPoliciesPaginator(b -> b.filter(PolicyType.SERVICE_CONTROL_POLICY))) {
			raw.json("organizations", "ListPolicies-SERVICE_CONTROL_POLICY-" + (++page), "ListPolicies",
					"Filter=SERVICE_CONTROL_POLICY", r);
			for (var summary : r.policies()) {
				CompletableFuture<String> content = async(() -> {
					var described = client.describePolicy(b -> b.policyId(summary.id()));
					raw.json("organizations", "DescribePolicy-" + summary.id(), "DescribePolicy",
							"PolicyId=" + summary.id(), described);
					return described.policy().content();
				});
				CompletableFuture<List<PolicyTarget>> targets = async(() -> targets(summary.id()));
				listings
					.add(content.thenCombine(targets,
							(text, t) -> new PolicyListing(
									new Policy(summary.id(), summary.name(), summary.typeAsString(),
											Boolean.TRUE.equals(summary.awsManaged()), summary.description(), text),
									t)));
			}
		}
		return listings;
	}

	private List<PolicyTarget> targets(String policyId) {
		List<PolicyTarget> targets = new ArrayList<>();
		int page = 0;
		for (ListTargetsForPolicyResponse t : client.listTargetsForPolicyPaginator(b -> b.policyId(policyId))) {
			raw.json("organizations", "ListTargetsForPolicy-" + policyId + "-" + (++page), "ListTargetsForPolicy",
					"PolicyId=" + policyId, t);
			t.targets().forEach(x -> targets.add(new PolicyTarget(policyId, x.targetId(), x.typeAsString(), x.name())));
		}
		return targets;
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
