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

	/**
	 * An organization whose findings come from {@code findings} (for example generated on
	 * demand).
	 */
	public SimulatedOrganization(Identity identity, Instant referenceInstant,
			List<OrganizationalUnit> organizationalUnits, List<Account> accounts, Map<String, IamAccount> iam,
			List<ServiceControlPolicy> policies, List<DelegatedAdministrator> delegatedAdministrators,
			List<ArtifactReport> artifactReports, FindingSource findings) {
		this.identity = identity;
		this.referenceInstant = referenceInstant;
		this.organizationalUnits = List.copyOf(organizationalUnits);
		this.accounts = List.copyOf(accounts);
		this.iam = Map.copyOf(iam);
		this.policies = List.copyOf(policies);
		this.delegatedAdministrators = List.copyOf(delegatedAdministrators);
		this.artifactReports = List.copyOf(artifactReports);
		this.findings = findings;
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
				delegatedAdministrators, artifactReports, newFindings);
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
