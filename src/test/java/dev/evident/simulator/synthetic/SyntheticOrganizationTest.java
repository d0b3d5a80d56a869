package dev.evident.simulator.synthetic;

import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.model.FindingSource;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.model.OrganizationalUnit;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic organization: its shape, counts that agree with the generated findings,
 * stable ARNs, and findings that are never held in memory.
 */
class SyntheticOrganizationTest {

	static final Instant REFERENCE = Instant.parse("2026-10-15T00:00:00Z");

	@Test
	void defaultSizeHasTheRequestedShape() {
		SimulatedOrganization org = SyntheticOrganizationBuilder.build(SyntheticSize.defaults(), REFERENCE);

		assertThat(org.accounts()).hasSize(500);
		assertThat(org.accounts().stream().filter(Account::management)).hasSize(1);
		assertThat(org.accounts().stream().filter(Account::suspended)).hasSize(5);
		assertThat(org.accounts().stream().mapToInt(a -> org.users(a.id()).size()).sum()).isEqualTo(20_000);
		assertThat(org.artifactReports()).hasSize(15);
		assertThat(org.artifactReports().stream().map(r -> r.id()).distinct()).hasSize(15);
		assertThat(org.delegatedAdministrators()).singleElement()
			.satisfies(d -> assertThat(d.servicePrincipal()).isEqualTo("inspector2.amazonaws.com"));
		// three levels of OUs: Workloads / Production / Payments Production
		assertThat(org.organizationalUnits().stream().mapToInt(SyntheticOrganizationTest::depth).max()).hasValue(3);
		assertThat(org.accounts().stream().map(Account::parentId).distinct().count()).isGreaterThan(10);
		// IAM: a realistic mix of MFA, console passwords and access keys
		var users = org.accounts().stream().flatMap(a -> org.users(a.id()).stream()).toList();
		long console = users.stream().filter(u -> u.consoleAccess()).count();
		long consoleWithMfa = users.stream().filter(u -> u.consoleAccess() && u.mfaActive()).count();
		assertThat(console).isBetween(12_000L, 16_000L);
		assertThat(consoleWithMfa * 100 / console).isBetween(70L, 86L);
		assertThat(users.stream().filter(u -> !u.accessKeys().isEmpty()).count()).isBetween(7_000L, 10_000L);

		FindingSource source = org.findingSource();
		assertThat(org.findings()).hasSize(1_000_000);
		assertThat(source.regions()).containsExactly("us-east-1");
		assertThat(source.count(null, null, null, null)).isEqualTo(1_000_000);
		long bySeverityAndStatus = 0;
		for (String severity : SyntheticFindings.SEVERITIES) {
			for (String status : SyntheticFindings.STATUSES) {
				long n = source.count("us-east-1", null, severity, status);
				assertThat(n).as(severity + " " + status).isPositive();
				bySeverityAndStatus += n;
			}
		}
		assertThat(bySeverityAndStatus).isEqualTo(1_000_000);
		// every active account has findings, unevenly; suspended accounts none
		Map<String, Long> perAccount = new HashMap<>();
		org.accounts().forEach(a -> perAccount.put(a.id(), source.count(null, a.id(), null, null)));
		assertThat(org.accounts().stream().filter(Account::suspended).mapToLong(a -> perAccount.get(a.id())).sum())
			.isZero();
		long max = perAccount.values().stream().mapToLong(Long::longValue).max().orElseThrow();
		long min = org.accounts()
			.stream()
			.filter(a -> !a.suspended())
			.mapToLong(a -> perAccount.get(a.id()))
			.min()
			.orElseThrow();
		assertThat(min).isPositive();
		assertThat(max).isGreaterThan(4 * min);
	}

	@Test
	void arithmeticCountsEqualTheGeneratedFindings() {
		SyntheticSize size = SyntheticSize.of(12, 100, 20_000).withRegions(List.of("us-east-1", "eu-west-1"));
		SimulatedOrganization org = SyntheticOrganizationBuilder.build(size, REFERENCE);
		SyntheticFindings source = (SyntheticFindings) org.findingSource();

		Map<String, Long> generated = new HashMap<>();
		Map<String, Long> types = new HashMap<>();
		Set<String> arns = new HashSet<>();
		for (Finding f : org.findings()) {
			generated.merge(f.region() + "/" + f.awsAccountId() + "/" + f.severity() + "/" + f.status(), 1L, Long::sum);
			types.merge(f.type(), 1L, Long::sum);
			arns.add(f.findingArn());
			assertThat(f.findingArn())
				.matches("arn:aws:inspector2:" + f.region() + ":" + f.awsAccountId() + ":finding/[0-9a-f]{32}");
		}
		assertThat(arns).hasSize(20_000);
		for (String region : size.regions()) {
			for (Account a : org.accounts()) {
				for (String severity : SyntheticFindings.SEVERITIES) {
					for (String status : SyntheticFindings.STATUSES) {
						assertThat(source.count(region, a.id(), severity, status)).isEqualTo(
								generated.getOrDefault(region + "/" + a.id() + "/" + severity + "/" + status, 0L));
					}
				}
			}
		}
		for (String type : List.of("PACKAGE_VULNERABILITY", "NETWORK_REACHABILITY", "CODE_VULNERABILITY")) {
			assertThat(source.countByType(type)).as(type).isEqualTo(types.get(type)).isPositive();
		}
		// the views are the same findings: per region, per account, per account and
		// region
		for (String region : size.regions()) {
			assertThat(source.view(region, null)).hasSize((int) source.count(region, null, null, null));
		}
		Account busiest = org.accounts()
			.stream()
			.max((x, y) -> Long.compare(source.count(null, x.id(), null, null), source.count(null, y.id(), null, null)))
			.orElseThrow();
		assertThat(org.findings(busiest.id())).hasSize((int) source.count(null, busiest.id(), null, null))
			.allSatisfy(f -> assertThat(f.awsAccountId()).isEqualTo(busiest.id()));
		assertThat(org.findingCount(busiest.id(), "ACTIVE"))
			.isEqualTo(org.findings(busiest.id()).stream().filter(f -> f.status().equals("ACTIVE")).count());
		// coverage: every resource a finding is on is covered
		Set<String> covered = source.coverage("us-east-1", null)
			.stream()
			.map(c -> c.resourceId())
			.collect(Collectors.toSet());
		assertThat(source.view("us-east-1", null)).allSatisfy(f -> assertThat(covered).contains(f.resourceId()));
	}

	@Test
	void theSameSizeGivesTheSameFindingsOnEveryStart() {
		SimulatedOrganization a = SyntheticOrganizationBuilder.build(SyntheticSize.defaults(), REFERENCE);
		SimulatedOrganization b = SyntheticOrganizationBuilder.build(SyntheticSize.defaults(), REFERENCE);
		for (int index : new int[] { 0, 1, 499_999, 999_999 }) {
			assertThat(b.findings().get(index)).isEqualTo(a.findings().get(index));
		}
		assertThat(b.accounts()).isEqualTo(a.accounts());
		SimulatedOrganization other = SyntheticOrganizationBuilder.build(SyntheticSize.defaults().withSeed(7),
				REFERENCE);
		assertThat(other.findings().get(0).findingArn()).isNotEqualTo(a.findings().get(0).findingArn());
	}

	@Test
	void findingsAreGeneratedOnDemandAndNeverRetained() {
		long before = liveHeap();
		SimulatedOrganization org = SyntheticOrganizationBuilder.build(SyntheticSize.defaults(), REFERENCE);
		long built = liveHeap();
		List<Finding> all = org.findings();
		// the last finding, directly, is the last of the last account's chain
		Finding last = all.get(999_999);
		List<Finding> lastChain = org.findingSource().view("us-east-1", last.awsAccountId());
		assertThat(lastChain.get(lastChain.size() - 1)).isEqualTo(last);
		// iterating 200,000 findings holds none of them
		long packages = 0;
		for (int i = 800_000; i < 1_000_000; i++) {
			if (all.get(i).vulnerability() != null) {
				packages++;
			}
		}
		assertThat(packages).isGreaterThan(150_000);
		long after = liveHeap();
		assertThat(org.findings()).hasSize(1_000_000);
		// 1,000,000 findings would take far more than 1 GB; the organization with its
		// 20,000 IAM users takes a few tens of MB and iterating adds nothing
		assertThat(built - before).as("organization").isLessThan(100L << 20);
		assertThat(after - built).as("after iterating").isLessThan(8L << 20);
	}

	static long liveHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static int depth(OrganizationalUnit ou) {
		return ou.path().split("/").length - 2;
	}

}
