package dev.evident.simulator;

import dev.evident.simulator.model.SimulatedOrganization;

import dev.evident.simulator.data.DataLoader;

import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.AwsRegion;
import dev.evident.simulator.model.NetworkAcl;
import dev.evident.simulator.model.RegionNetwork;
import dev.evident.simulator.model.SecurityGroup;
import dev.evident.simulator.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The bundled data file expands deterministically into the documented totals. */
class SimulatedOrganizationTest {

	@Test
	void bundledDatasetTotals() {
		SimulatedOrganization org = DataLoader.load(null, SimulatorIamStsTest.REFERENCE);
		assertThat(org.accounts()).hasSize(8);
		assertThat(org.accounts().stream().collect(Collectors.groupingBy(Account::status, Collectors.counting())))
			.isEqualTo(Map.of("ACTIVE", 7L, "SUSPENDED", 1L));
		assertThat(org.organizationalUnits()).hasSize(3);
		assertThat(org.accounts().stream().mapToInt(a -> org.users(a.id()).size()).sum()).isEqualTo(40);
		assertThat(org.findings()).hasSize(1500);
		assertThat(new TreeMap<>(
				org.findings().stream().collect(Collectors.groupingBy(Finding::status, Collectors.counting()))))
			.isEqualTo(Map.of("ACTIVE", 950L, "SUPPRESSED", 105L, "CLOSED", 445L));
		assertThat(new TreeMap<>(
				org.findings().stream().collect(Collectors.groupingBy(Finding::severity, Collectors.counting()))))
			.isEqualTo(Map.of("CRITICAL", 48L, "HIGH", 303L, "MEDIUM", 673L, "LOW", 341L, "INFORMATIONAL", 107L,
					"UNTRIAGED", 28L));
		assertThat(org.artifactReports()).hasSize(10);
		assertThat(org.policies()).hasSize(5);
		assertThat(org.delegatedAdministrators()).hasSize(1);
		assertThat(org.iam("666666666666").passwordPolicy()).isNull();
		assertThat(org.iam("444444444444").root().mfaActive()).isFalse();
		assertThat(org.iam("444444444444").root().accessKeys()).isNotEmpty();
		assertThat(org.regions()).extracting(AwsRegion::name)
			.containsExactly("ap-east-1", "ap-northeast-1", "eu-west-1", "us-east-1");
		var networks = org.accounts()
			.stream()
			.flatMap(a -> org.regions().stream().map(r -> org.network(a.id(), r.name())))
			.toList();
		assertThat(networks.stream().mapToInt(n -> n.vpcs().size()).sum()).isEqualTo(8);
		assertThat(networks.stream().mapToInt(n -> n.flowLogs().size()).sum()).isEqualTo(7);
		assertThat(networks.stream().mapToInt(n -> n.securityGroups().size()).sum()).isEqualTo(12);
		assertThat(networks.stream().mapToInt(n -> n.networkAcls().size()).sum()).isEqualTo(8);
	}

	@Test
	void optingInEnablesARegionAndItsNetworkWithTheAwsDefaults(@TempDir Path dir) throws IOException {
		SimulatedOrganization org = load(dir, "regions: {enabled: [us-east-1], optIn: [ap-east-1]}", ACCOUNT
				+ ", optedInRegions: [ap-east-1], network: {ap-east-1: [{name: a, cidr: 10.0.0.0/16, subnets: 1}]}}");

		assertThat(org.optInStatus("111111111111", "ap-east-1")).isEqualTo("opted-in");
		assertThat(org.optInStatus("111111111111", "us-east-1")).isEqualTo("opt-in-not-required");
		assertThat(org.regionEnabled("111111111111", "ap-east-1")).isTrue();
		assertThat(org.regionEnabled("111111111111", "eu-west-1")).isFalse();
		RegionNetwork network = org.network("111111111111", "ap-east-1");
		SecurityGroup group = network.securityGroups().get(0);
		assertThat(group.ingress()).singleElement().satisfies(p -> {
			assertThat(p.ipProtocol()).isEqualTo("-1");
			assertThat(p.groups()).extracting(SecurityGroup.GroupPair::groupId).containsExactly(group.groupId());
		});
		assertThat(group.egress()).singleElement()
			.satisfies(p -> assertThat(p.ipv4Ranges()).extracting(SecurityGroup.CidrRange::cidr)
				.containsExactly("0.0.0.0/0"));
		assertThat(network.networkAcls().get(0).entries()).extracting(NetworkAcl.Entry::ruleNumber)
			.containsExactly(100, 101, 32767, 100, 101, 32767);
		assertThat(network.networkAcls().get(0).associations()).hasSize(1);
		assertThat(org.network("111111111111", "us-east-1")).isEqualTo(RegionNetwork.EMPTY);
	}

	@Test
	void aNetworkWhereTheAccountCannotCallIsRefused(@TempDir Path dir) {
		assertThatThrownBy(() -> load(dir, "regions: {enabled: [us-east-1], optIn: [ap-east-1]}",
				ACCOUNT + ", network: {ap-east-1: [{cidr: 10.0.0.0/16}]}}"))
			.hasMessageContaining("a region not enabled for it");
		assertThatThrownBy(() -> load(dir, "regions: {enabled: [us-east-1]}",
				ACCOUNT + ", network: {us-east-1: [{cidr: 10.0.0.0/16, defaultNetworkAcl: tight}]}}"))
			.hasMessageContaining("no network ACL rule set named tight");
		assertThatThrownBy(() -> load(dir, "regions: {enabled: [us-east-1]}",
				ACCOUNT + ", network: {us-east-1: [{cidr: 10.0.0.0/16, securityGroups: [{name: ssh, ingress: "
						+ "[{protocol: tcp, ports: 22-21, cidrs: [0.0.0.0/0]}]}]}]}}"))
			.hasMessageContaining("ports must be N or N-M");
	}

	@Test
	void withoutRegionsEveryRegionTheFileNamesIsEnabled(@TempDir Path dir) throws IOException {
		SimulatedOrganization org = load(dir, "",
				ACCOUNT + ", inspector: {status: ENABLED, regions: [eu-west-1]}, network: {ap-south-1: []}}");

		assertThat(org.regions()).extracting(AwsRegion::name, AwsRegion::optIn)
			.containsExactly(tuple("ap-south-1", false), tuple("eu-west-1", false), tuple("us-east-1", false));
	}

	static final String ACCOUNT = "accounts:\n  - {id: \"111111111111\", name: M, email: m@example.com";

	private static SimulatedOrganization load(Path dir, String regions, String accounts) throws IOException {
		Path file = dir.resolve("organization.yaml");
		Files.writeString(file, "organization: {id: o-test, rootId: r-test, managementAccountId: \"111111111111\"}\n"
				+ regions + "\n" + accounts + "\n");
		return DataLoader.load(file, SimulatorIamStsTest.REFERENCE);
	}

	@Test
	void expansionIsDeterministicForAReferenceInstant() {
		SimulatedOrganization a = DataLoader.load(null, SimulatorIamStsTest.REFERENCE);
		SimulatedOrganization b = DataLoader.load(null, SimulatorIamStsTest.REFERENCE);
		assertThat(a.findings()).isEqualTo(b.findings());
		assertThat(a.users("555555555555")).isEqualTo(b.users("555555555555"));
		assertThat(a.accounts()).isEqualTo(b.accounts());
	}

}
