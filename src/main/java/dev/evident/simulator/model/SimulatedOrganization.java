package dev.evident.simulator.model;

import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.ArtifactReport;
import dev.evident.simulator.model.DelegatedAdministrator;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;
import dev.evident.simulator.model.OrganizationalUnit;
import dev.evident.simulator.model.ServiceControlPolicy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organization a {@link Simulator} serves, loaded from the data file (or built from a
 * synthetic size) and expanded deterministically for the reference instant. Immutable;
 * tests use it to compare totals with what the AWS APIs returned. Its findings come from
 * a {@link FindingSource}: in memory for a data file, generated on demand for a synthetic
 * organization.
 */
public final class SimulatedOrganization {

	/** Organization-level identity. */
	public record Identity(String organizationId, String arn, String featureSet, String rootId, String rootArn,
			String managementAccountId) {
	}

	private final Identity identity;

	private final Instant referenceInstant;

	private final List<OrganizationalUnit> organizationalUnits;

	private final List<Account> accounts;

	private final Map<String, IamAccount> iam;

	private final List<ServiceControlPolicy> policies;

	private final List<DelegatedAdministrator> delegatedAdministrators;

	private final List<ArtifactReport> artifactReports;

	private final FindingSource findings;

	private final List<AwsRegion> regions;

	private final NetworkSource networks;

	private final EdgeSource edges;

	/**
	 * An organization whose findings, network resources and entry points come from
	 * {@code findings}, {@code networks} and {@code edges} (for example generated on
	 * demand).
	 * @param regions the regions the organization knows, sorted by name
	 */
	public SimulatedOrganization(Identity identity, Instant referenceInstant,
			List<OrganizationalUnit> organizationalUnits, List<Account> accounts, Map<String, IamAccount> iam,
			List<ServiceControlPolicy> policies, List<DelegatedAdministrator> delegatedAdministrators,
			List<ArtifactReport> artifactReports, FindingSource findings, List<AwsRegion> regions,
			NetworkSource networks, EdgeSource edges) {
		this.identity = identity;
		this.referenceInstant = referenceInstant;
		this.organizationalUnits = List.copyOf(organizationalUnits);
		this.accounts = List.copyOf(accounts);
		this.iam = Map.copyOf(iam);
		this.policies = List.copyOf(policies);
		this.delegatedAdministrators = List.copyOf(delegatedAdministrators);
		this.artifactReports = List.copyOf(artifactReports);
		this.findings = findings;
		this.regions = List.copyOf(regions);
		this.networks = networks;
		this.edges = edges;
	}

	public Identity identity() {
		return identity;
	}

	public String managementAccountId() {
		return identity.managementAccountId();
	}

	public Instant referenceInstant() {
		return referenceInstant;
	}

	/** All OUs, parents before children. */
	public List<OrganizationalUnit> organizationalUnits() {
		return organizationalUnits;
	}

	/**
	 * All accounts (ACTIVE and SUSPENDED) in data file order; the management account
	 * included.
	 */
	public List<Account> accounts() {
		return accounts;
	}

	public Optional<Account> account(String accountId) {
		return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
	}

	/** IAM content of one account. */
	public IamAccount iam(String accountId) {
		IamAccount account = iam.get(accountId);
		if (account == null) {
			throw new IllegalArgumentException("unknown account " + accountId);
		}
		return account;
	}

	/** IAM users of one account. */
	public List<IamUser> users(String accountId) {
		return iam(accountId).users();
	}

	/** Service control policies, {@code p-FullAWSAccess} first. */
	public List<ServiceControlPolicy> policies() {
		return policies;
	}

	public List<DelegatedAdministrator> delegatedAdministrators() {
		return delegatedAdministrators;
	}

	public List<ArtifactReport> artifactReports() {
		return artifactReports;
	}

	/**
	 * The same organization with other findings (a synthetic organization's, generated on
	 * demand).
	 */
	public SimulatedOrganization withFindings(FindingSource newFindings) {
		return new SimulatedOrganization(identity, referenceInstant, organizationalUnits, accounts, iam, policies,
				delegatedAdministrators, artifactReports, newFindings, regions, networks, edges);
	}

	/**
	 * The same organization with other network resources (a synthetic organization's,
	 * generated on demand).
	 */
	public SimulatedOrganization withNetworks(NetworkSource newNetworks) {
		return new SimulatedOrganization(identity, referenceInstant, organizationalUnits, accounts, iam, policies,
				delegatedAdministrators, artifactReports, findings, regions, newNetworks, edges);
	}

	/**
	 * The same organization with other entry points (a synthetic organization's,
	 * generated on demand).
	 */
	public SimulatedOrganization withEdges(EdgeSource newEdges) {
		return new SimulatedOrganization(identity, referenceInstant, organizationalUnits, accounts, iam, policies,
				delegatedAdministrators, artifactReports, findings, regions, networks, newEdges);
	}

	/** Every region the organization knows (EC2's DescribeRegions with AllRegions). */
	public List<AwsRegion> regions() {
		return regions;
	}

	/**
	 * The opt-in status of a region for an account ({@code opt-in-not-required},
	 * {@code opted-in} or {@code not-opted-in}); null for a region the organization does
	 * not know or an account outside it.
	 */
	public String optInStatus(String accountId, String region) {
		Optional<Account> account = account(accountId);
		if (account.isEmpty()) {
			return null;
		}
		for (AwsRegion r : regions) {
			if (r.name().equals(region)) {
				if (!r.optIn()) {
					return AwsRegion.OPT_IN_NOT_REQUIRED;
				}
				return account.get().optedInRegions().contains(region) ? AwsRegion.OPTED_IN : AwsRegion.NOT_OPTED_IN;
			}
		}
		return null;
	}

	/**
	 * Whether the account may call regional services in the region: a region it knows
	 * that needs no opt-in or that the account opted in to. Every simulated regional
	 * service refuses a call from anywhere else, as AWS does.
	 */
	public boolean regionEnabled(String accountId, String region) {
		String status = optInStatus(accountId, region);
		return AwsRegion.OPT_IN_NOT_REQUIRED.equals(status) || AwsRegion.OPTED_IN.equals(status);
	}

	/**
	 * The VPCs, flow logs, security groups and network ACLs of one account in one region
	 * (empty when it has none).
	 */
	public RegionNetwork network(String accountId, String region) {
		return networks.network(accountId, region);
	}

	/**
	 * The load balancers and REGIONAL web ACLs of one account in one region (empty when
	 * it has none).
	 */
	public RegionEdge edge(String accountId, String region) {
		return edges.regional(accountId, region);
	}

	/**
	 * The CloudFront distributions, CLOUDFRONT web ACLs and Shield Advanced subscription
	 * of one account (empty when it has none).
	 */
	public GlobalEdge globalEdge(String accountId) {
		return edges.global(accountId);
	}

	/** The findings as views, counts and coverage; see {@link FindingSource}. */
	public FindingSource findingSource() {
		return findings;
	}

	/**
	 * All Inspector2 findings of all accounts and regions; generated element by element
	 * for a synthetic organization (iterate or index, do not copy a million of them).
	 */
	public List<Finding> findings() {
		return findings.all();
	}

	/** The findings of one account in every region. */
	public List<Finding> findings(String accountId) {
		return findings.ofAccount(accountId);
	}

	/** The number of findings of one account with the given status, in every region. */
	public long findingCount(String accountId, String status) {
		return findings.count(null, accountId, null, status);
	}

}
