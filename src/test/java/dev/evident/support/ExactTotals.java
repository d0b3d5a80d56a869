package dev.evident.support;

import dev.evident.simulator.model.AwsRegion;
import dev.evident.simulator.model.GlobalEdge;
import dev.evident.simulator.model.RegionEdge;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.SecurityGroup;
import java.util.List;

import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals of a run compared with the simulator's dataset, source by source; accounts
 * listed in {@code withoutCredentialReport} are expected to lack their credential report
 * only.
 */
public final class ExactTotals {

	private final JdbcTemplate jdbc;

	private final SimulatedOrganization demo;

	public ExactTotals(JdbcTemplate jdbc, SimulatedOrganization demo) {
		this.jdbc = jdbc;
		this.demo = demo;
	}

	public void assertExact(String run, String... withoutCredentialReport) {
		List<String> noReport = List.of(withoutCredentialReport);
		assertThat(count("ev_account", run)).isEqualTo(demo.accounts().size());
		assertThat(count("ev_org_unit", run)).isEqualTo(demo.organizationalUnits().size());
		assertThat(count("ev_policy", run)).isEqualTo(demo.policies().size());
		assertThat(count("ev_policy_target", run))
			.isEqualTo(demo.policies().stream().mapToLong(p -> p.targets().size()).sum());
		assertThat(count("ev_delegated_admin", run)).isEqualTo(demo.delegatedAdministrators().size());

		List<IamAccount> reachable = demo.accounts()
			.stream()
			.filter(a -> !a.suspended() && !a.assumeRoleDenied())
			.map(a -> demo.iam(a.id()))
			.toList();
		assertThat(count("ev_credential_report_row", run)).isEqualTo(reachable.stream()
			.filter(a -> !noReport.contains(a.accountId()))
			.mapToLong(a -> a.users().size() + 1)
			.sum());
		assertThat(count("ev_iam_principal", run, "type = 'USER'"))
			.isEqualTo(reachable.stream().mapToLong(a -> a.users().size()).sum());
		assertThat(count("ev_iam_principal", run, "type = 'GROUP'"))
			.isEqualTo(reachable.stream().mapToLong(a -> a.groups().size()).sum());
		assertThat(count("ev_iam_principal", run, "type = 'ROLE'"))
			.isEqualTo(reachable.stream().mapToLong(a -> a.roles().size()).sum());
		assertThat(count("ev_iam_policy", run)).isEqualTo(reachable.stream().mapToLong(a -> a.policies().size()).sum());
		assertThat(count("ev_account_alias", run))
			.isEqualTo(reachable.stream().mapToLong(a -> a.aliases().size()).sum());
		assertThat(count("ev_password_policy", run)).isEqualTo(reachable.size());
		long virtualDevices = reachable.stream()
			.mapToLong(a -> a.users().stream().filter(IamUser::mfaActive).count()
					+ ("VIRTUAL".equals(a.root().mfa()) ? 1 : 0))
			.sum();
		assertThat(count("ev_mfa_device", run)).isEqualTo(virtualDevices);

		assertNetwork(run);

		assertThat(count("ev_finding", run)).isEqualTo(demo.findings().size());
		assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT finding_arn) FROM ev_finding WHERE run_id = ?",
				Long.class, run))
			.isEqualTo(demo.findings().size());
		assertThat(count("ev_artifact_report", run)).isEqualTo(demo.artifactReports().size());
		assertThat(rows("SELECT account_id FROM ev_account WHERE run_id = ? AND status = 'SUSPENDED'", run))
			.containsExactlyElementsOf(demo.accounts().stream().filter(Account::suspended).map(Account::id).toList());
	}

	/**
	 * Every enabled region of every reachable account collected, and its VPCs, flow logs,
	 * security groups (with one row per rule and source), network ACLs and entries.
	 */
	private void assertNetwork(String run) {
		List<Account> reachable = demo.accounts()
			.stream()
			.filter(a -> !a.suspended() && !a.assumeRoleDenied())
			.toList();
		long regions = 0;
		long vpcs = 0;
		long logs = 0;
		long groups = 0;
		long rules = 0;
		long acls = 0;
		long entries = 0;
		long balancers = 0;
		long webAcls = 0;
		long distributions = 0;
		long shields = 0;
		List<String> asked = askedRegions(run);
		for (Account account : reachable) {
			for (AwsRegion region : demo.regions()) {
				if (!demo.regionEnabled(account.id(), region.name())
						|| (!asked.isEmpty() && !asked.contains(region.name()))) {
					continue;
				}
				regions++;
				RegionNetwork n = demo.network(account.id(), region.name());
				vpcs += n.vpcs().size();
				logs += n.flowLogs().size();
				groups += n.securityGroups().size();
				for (SecurityGroup g : n.securityGroups()) {
					for (SecurityGroup.Permission p : g.ingress()) {
						rules += sources(p);
					}
					for (SecurityGroup.Permission p : g.egress()) {
						rules += sources(p);
					}
				}
				acls += n.networkAcls().size();
				entries += n.networkAcls().stream().mapToLong(a -> a.entries().size()).sum();
				RegionEdge edge = demo.edge(account.id(), region.name());
				balancers += edge.loadBalancers().size();
				webAcls += edge.webAcls().size();
			}
			GlobalEdge global = demo.globalEdge(account.id());
			webAcls += global.cloudFrontWebAcls().size();
			distributions += global.distributions().size();
			shields++;
		}
		assertThat(count("ev_account_region", run, "status = 'COLLECTED'")).as("regions collected").isEqualTo(regions);
		assertThat(count("ev_account_region", run, "status <> 'COLLECTED'")).as("regions not collected").isZero();
		assertThat(count("ev_vpc", run)).isEqualTo(vpcs);
		assertThat(count("ev_flow_log", run)).isEqualTo(logs);
		assertThat(count("ev_security_group", run)).isEqualTo(groups);
		assertThat(count("ev_security_group_rule", run)).isEqualTo(rules);
		assertThat(count("ev_network_acl", run)).isEqualTo(acls);
		assertThat(count("ev_network_acl_entry", run)).isEqualTo(entries);
		assertThat(count("ev_load_balancer", run)).isEqualTo(balancers);
		assertThat(count("ev_web_acl", run)).isEqualTo(webAcls);
		assertThat(count("ev_distribution", run)).isEqualTo(distributions);
		assertThat(count("ev_shield_subscription", run)).as("one Shield state per account").isEqualTo(shields);
	}

	/** The run's --regions (empty: every region enabled for each account). */
	private List<String> askedRegions(String run) {
		String regions = jdbc.queryForObject("SELECT MAX(r.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS r "
				+ "JOIN BATCH_JOB_EXECUTION_PARAMS i ON i.JOB_EXECUTION_ID = r.JOB_EXECUTION_ID "
				+ "WHERE i.PARAMETER_NAME = 'run.id' AND i.PARAMETER_VALUE = ? AND r.PARAMETER_NAME = 'regions'",
				String.class, run);
		return regions == null || regions.isBlank() ? List.of() : List.of(regions.split(","));
	}

	private static long sources(SecurityGroup.Permission p) {
		return p.ipv4Ranges().size() + p.ipv6Ranges().size() + p.groups().size() + p.prefixListIds().size();
	}

	public long count(String table, String run) {
		return count(table, run, "TRUE");
	}

	public long count(String table, String run, String condition) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ? AND " + condition, Long.class,
				run);
	}

	List<String> rows(String sql, String run) {
		return jdbc.queryForList(sql, String.class, run);
	}

}
