package dev.evident.simulator.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.data.DataFile.AccountSpec;
import dev.evident.simulator.data.DataFile.OuSpec;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.ArtifactReport;
import dev.evident.simulator.model.AwsRegion;
import dev.evident.simulator.model.DelegatedAdministrator;
import dev.evident.simulator.model.EdgeSource;
import dev.evident.simulator.model.GlobalEdge;
import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.LoadBalancer;
import dev.evident.simulator.model.NetworkSource;
import dev.evident.simulator.model.OrganizationalUnit;
import dev.evident.simulator.model.RegionEdge;
import dev.evident.simulator.model.RegionNetwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the YAML data file and expands it into a {@link SimulatedOrganization}. */
public final class DataLoader {

	public static final String BUNDLED = "/demo/organization.yaml";

	private DataLoader() {
	}

	public static SimulatedOrganization load(Path dataFile, Instant reference) {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		try (InputStream in = dataFile == null ? DataLoader.class.getResourceAsStream(BUNDLED)
				: Files.newInputStream(dataFile)) {
			if (in == null) {
				throw new IllegalStateException("bundled data file missing: " + BUNDLED);
			}
			return expand(yaml.readValue(in, DataFile.class), reference);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read organization data file", e);
		}
	}

	/** Expands a data file (read or built in memory) relative to {@code reference}. */
	public static SimulatedOrganization expand(DataFile file, Instant reference) {
		DataFile.OrganizationSpec org = require(file.organization(), "organization");
		String mgmt = org.managementAccountId();
		String orgArn = "arn:aws:organizations::" + mgmt + ":organization/" + org.id();
		String rootArn = "arn:aws:organizations::" + mgmt + ":root/" + org.id() + "/" + org.rootId();
		var identity = new SimulatedOrganization.Identity(org.id(), orgArn,
				org.featureSet() == null ? "ALL" : org.featureSet(), org.rootId(), rootArn, mgmt);

		Map<String, String> paths = new HashMap<>();
		paths.put(org.rootId(), org.id() + "/" + org.rootId() + "/");
		List<OrganizationalUnit> ous = new ArrayList<>();
		for (OuSpec ou : file.organizationalUnits()) {
			String parent = parentId(ou.parent(), org.rootId());
			String parentPath = require(paths.get(parent), "parent of OU " + ou.id() + " (declare parents first)");
			paths.put(ou.id(), parentPath + ou.id() + "/");
			ous.add(new OrganizationalUnit(ou.id(),
					"arn:aws:organizations::" + mgmt + ":ou/" + org.id() + "/" + ou.id(), ou.name(), parent,
					paths.get(ou.id())));
		}

		List<AwsRegion> regions = regions(file);
		List<Account> accounts = new ArrayList<>();
		Map<String, IamAccount> iam = new LinkedHashMap<>();
		Map<String, RegionNetwork> networks = new HashMap<>();
		Map<String, RegionEdge> edges = new HashMap<>();
		Map<String, GlobalEdge> globalEdges = new HashMap<>();
		for (AccountSpec a : file.accounts()) {
			if (a.id() == null || !a.id().matches("\\d{12}")) {
				throw new IllegalArgumentException("account id must be 12 digits: " + a.id());
			}
			String parent = parentId(a.parent(), org.rootId());
			String parentPath = require(paths.get(parent), "parent of account " + a.id());
			accounts.add(new Account(a.id(), a.name(), a.email(),
					"arn:aws:organizations::" + mgmt + ":account/" + org.id() + "/" + a.id(), parent,
					parentPath + a.id() + "/", a.status(), a.joinedMethod(),
					Ids.daysAgo(reference, a.joinedAgeDays(), "joined" + a.id()), a.id().equals(mgmt),
					a.assumeRoleDenied(), a.inspector().status(), List.copyOf(a.inspector().regions()),
					List.copyOf(a.optedInRegions())));
			iam.put(a.id(), new IamBuilder(a, file, reference, !a.id().equals(mgmt)).build());
			for (String region : a.optedInRegions()) {
				if (!regions.contains(new AwsRegion(region, true))) {
					throw new IllegalArgumentException("account " + a.id() + " opts in to " + region
							+ ", which is not among the opt-in regions (regions.optIn)");
				}
			}
			a.network().forEach((region, vpcs) -> {
				boolean enabled = regions.contains(new AwsRegion(region, false)) || a.optedInRegions().contains(region);
				if (!enabled) {
					throw new IllegalArgumentException(
							"account " + a.id() + " has a network in " + region + ", a region not enabled for it");
				}
				networks.put(a.id() + "/" + region,
						NetworkBuilder.build(a.id(), region, vpcs, file.networkAcls(), reference));
			});
			List<LoadBalancer> loadBalancers = new ArrayList<>();
			a.edge().forEach((region, edge) -> {
				RegionNetwork network = networks.get(a.id() + "/" + region);
				if (network == null) {
					throw new IllegalArgumentException("account " + a.id() + " has load balancers or web ACLs in "
							+ region + " but no network there");
				}
				RegionEdge built = EdgeBuilder.regional(a.id(), region, edge, network, reference);
				edges.put(a.id() + "/" + region, built);
				loadBalancers.addAll(built.loadBalancers());
			});
			if (a.cloudFront() != null || a.shield() != null) {
				globalEdges.put(a.id(),
						EdgeBuilder.global(a.id(), a.cloudFront(), a.shield(), loadBalancers, reference));
			}
		}
		if (!iam.containsKey(mgmt)) {
			throw new IllegalArgumentException("management account " + mgmt + " is not among the accounts");
		}

		var policies = PolicyBuilder.build(file.serviceControlPolicies(), identity, ous, accounts);
		List<DelegatedAdministrator> admins = file.delegatedAdministrators()
			.stream()
			.map(d -> new DelegatedAdministrator(d.account(), d.servicePrincipal(),
					Ids.daysAgo(reference, d.ageDays(), "delegated" + d.account())))
			.toList();
		List<ArtifactReport> reports = file.artifactReports().stream().map(r -> report(r, reference)).toList();
		var findings = file.findings() == null ? List.<dev.evident.simulator.model.Finding>of()
				: new FindingGenerator(file.findings(), reference).generate();
		NetworkSource network = (account, region) -> networks.getOrDefault(account + "/" + region, RegionNetwork.EMPTY);
		EdgeSource edge = new EdgeSource() {

			@Override
			public RegionEdge regional(String account, String region) {
				return edges.getOrDefault(account + "/" + region, RegionEdge.EMPTY);
			}

			@Override
			public GlobalEdge global(String account) {
				return globalEdges.getOrDefault(account, GlobalEdge.EMPTY);
			}

		};
		return new SimulatedOrganization(identity, reference, ous, accounts, iam, policies, admins, reports,
				new MaterializedFindings(findings), regions, network, edge);
	}

	/**
	 * The regions of {@code regions:}, sorted; without it us-east-1 and every region an
	 * account's Inspector or network names, none of them opt-in.
	 */
	private static List<AwsRegion> regions(DataFile file) {
		TreeSet<String> enabled = new TreeSet<>();
		TreeSet<String> optIn = new TreeSet<>();
		if (file.regions() == null) {
			enabled.add("us-east-1");
			for (AccountSpec a : file.accounts()) {
				enabled.addAll(a.inspector().regions());
				enabled.addAll(a.network().keySet());
			}
		}
		else {
			enabled.addAll(file.regions().enabled());
			optIn.addAll(file.regions().optIn());
		}
		TreeSet<String> all = new TreeSet<>(enabled);
		all.addAll(optIn);
		List<AwsRegion> regions = new ArrayList<>();
		for (String name : all) {
			if (!name.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
				throw new IllegalArgumentException("not a region name: " + name);
			}
			if (enabled.contains(name) && optIn.contains(name)) {
				throw new IllegalArgumentException("region " + name + " is both enabled and opt-in");
			}
			regions.add(new AwsRegion(name, optIn.contains(name)));
		}
		return regions;
	}

	private static ArtifactReport report(DataFile.ReportSpec r, Instant reference) {
		if (r.id() == null || !r.id().matches("report-[a-zA-Z0-9]{16}")) {
			throw new IllegalArgumentException("Artifact report id must match report-[a-zA-Z0-9]{16}: " + r.id());
		}
		Instant start = Ids.daysAgo(reference, r.periodStartDaysAgo(), "")
			.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
		Instant end = Ids.daysAgo(reference, r.periodEndDaysAgo(), "").truncatedTo(java.time.temporal.ChronoUnit.DAYS);
		long version = Math.max(1, r.version());
		return new ArtifactReport(r.id(), "arn:aws:artifact:us-east-1::report/" + r.id() + ":" + version, r.name(),
				r.description(), r.series(), r.category(), version, start, end,
				Ids.daysAgo(reference,
						r.periodEndDaysAgo() >= 0 ? Math.max(1, r.periodEndDaysAgo() / 2)
								: Math.max(1, r.periodStartDaysAgo() - 10),
						"created" + r.id()),
				r.state() == null ? "PUBLISHED" : r.state(),
				"arn:aws:artifact:us-east-1::term/term-" + Ids.hex("term" + r.series(), 16) + ":1");
	}

	private static String parentId(String parent, String rootId) {
		return parent == null || parent.equals("root") ? rootId : parent;
	}

	static <T> T require(T value, String what) {
		if (value == null) {
			throw new IllegalArgumentException("organization data file: missing or unknown " + what);
		}
		return value;
	}

}
