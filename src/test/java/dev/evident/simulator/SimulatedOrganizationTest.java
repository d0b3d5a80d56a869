package dev.evident.simulator;

import dev.evident.simulator.model.SimulatedOrganization;

import dev.evident.simulator.data.DataLoader;

import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

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
