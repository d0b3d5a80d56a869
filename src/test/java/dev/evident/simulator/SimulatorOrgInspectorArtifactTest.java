package dev.evident.simulator;

import dev.evident.simulator.model.SimulatedOrganization;

import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.model.OrganizationalUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.artifact.ArtifactClient;
import software.amazon.awssdk.services.artifact.model.ReportSummary;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.FilterCriteria;
import software.amazon.awssdk.services.inspector2.model.StringComparison;
import software.amazon.awssdk.services.inspector2.model.StringFilter;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.TargetType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Organizations, Inspector2 and Artifact round trips through the real SDK clients. */
class SimulatorOrgInspectorArtifactTest {

	static Simulator sim;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withReferenceInstant(SimulatorIamStsTest.REFERENCE)
			.withThreads(4));
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	private static StringFilter eq(String value) {
		return StringFilter.builder().comparison(StringComparison.EQUALS).value(value).build();
	}

	@Test
	void organizationTreeAccountsPoliciesAndDelegatedAdministrators() {
		SimulatedOrganization org = sim.organization();
		try (OrganizationsClient orgs = SdkClients.build(OrganizationsClient.builder(), sim)) {
			var described = orgs.describeOrganization().organization();
			assertThat(described.masterAccountId()).isEqualTo("111111111111");
			var roots = orgs.listRootsPaginator(r -> r.maxResults(1))
				.stream()
				.flatMap(p -> p.roots().stream())
				.toList();
			assertThat(roots).singleElement()
				.satisfies(r -> assertThat(r.policyTypes())
					.anySatisfy(t -> assertThat(t.type()).isEqualTo(PolicyType.SERVICE_CONTROL_POLICY)));

			List<String> parents = new ArrayList<>(List.of(roots.get(0).id()));
			List<String> ous = new ArrayList<>();
			List<software.amazon.awssdk.services.organizations.model.Account> underParents = new ArrayList<>();
			for (int i = 0; i < parents.size(); i++) {
				String parent = parents.get(i);
				orgs.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent).maxResults(1))
					.stream()
					.flatMap(p -> p.organizationalUnits().stream())
					.forEach(ou -> {
						ous.add(ou.id());
						parents.add(ou.id());
					});
				orgs.listAccountsForParentPaginator(r -> r.parentId(parent).maxResults(2))
					.stream()
					.flatMap(p -> p.accounts().stream())
					.forEach(underParents::add);
			}
			assertThat(ous).containsExactlyInAnyOrderElementsOf(
					org.organizationalUnits().stream().map(OrganizationalUnit::id).toList());
			var all = orgs.listAccountsPaginator(r -> r.maxResults(3))
				.stream()
				.flatMap(p -> p.accounts().stream())
				.toList();
			assertThat(all).hasSize(org.accounts().size()).hasSameSizeAs(underParents);
			assertThat(all.stream().map(a -> a.name()).toList())
				.isEqualTo(org.accounts().stream().map(Account::name).toList())
				.contains("開発環境 Développement", "Partner Sandbox \"Legacy\" & <Acme>");
			assertThat(all.stream().filter(a -> a.statusAsString().equals("SUSPENDED")).map(a -> a.id()))
				.containsExactly("888888888888");
			assertThat(all).allSatisfy(a -> assertThat(a.joinedTimestamp()).isBefore(SimulatorIamStsTest.REFERENCE));

			var policies = orgs.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY).maxResults(2))
				.stream()
				.flatMap(page -> page.policies().stream())
				.toList();
			assertThat(policies).hasSize(org.policies().size())
				.anySatisfy(p -> assertThat(p.id()).isEqualTo("p-FullAWSAccess"));
			for (var p : policies) {
				var expected = org.policies().stream().filter(e -> e.id().equals(p.id())).findFirst().orElseThrow();
				assertThat(orgs.describePolicy(r -> r.policyId(p.id())).policy().content())
					.isEqualTo(expected.content());
				var targets = orgs.listTargetsForPolicyPaginator(r -> r.policyId(p.id()).maxResults(4))
					.stream()
					.flatMap(page -> page.targets().stream())
					.toList();
				assertThat(targets).hasSize(expected.targets().size());
			}
			assertThat(orgs.listTargetsForPolicy(r -> r.policyId("p-FullAWSAccess")).targets())
				.anySatisfy(t -> assertThat(t.type()).isEqualTo(TargetType.ROOT));
			assertThat(orgs.listDelegatedAdministratorsPaginator(r -> r.servicePrincipal("inspector2.amazonaws.com"))
				.stream()
				.flatMap(page -> page.delegatedAdministrators().stream())
				.map(d -> d.id())
				.toList()).containsExactly("222222222222");
		}
	}

	@Test
	void findingsCoverageStatusAndMembersMatchTheDataset() {
		SimulatedOrganization org = sim.organization();
		Set<String> regions = new TreeSet<>();
		org.findings().forEach(f -> regions.add(f.region()));
		List<software.amazon.awssdk.services.inspector2.model.Finding> seen = new ArrayList<>();
		for (String region : regions) {
			try (Inspector2Client inspector = SdkClients.build(Inspector2Client.builder(), sim, SdkClients.BASE,
					Region.of(region), 3)) {
				inspector.listFindingsPaginator(r -> r.maxResults(100)).findings().forEach(seen::add);
				long covered = inspector.listCoveragePaginator(r -> r.maxResults(50))
					.coveredResources()
					.stream()
					.count();
				assertThat(covered).isPositive();
			}
		}
		assertThat(seen).hasSize(org.findings().size());
		assertThat(seen.stream().map(f -> f.findingArn()).distinct().count()).isEqualTo(org.findings().size());
		assertThat(seen.stream().map(f -> f.statusAsString()).distinct()).contains("ACTIVE", "SUPPRESSED", "CLOSED");
		assertThat(seen.stream().map(f -> f.severityAsString()).distinct()).contains("CRITICAL", "HIGH", "MEDIUM",
				"LOW", "INFORMATIONAL", "UNTRIAGED");
		assertThat(seen.stream().map(f -> f.typeAsString()).distinct()).contains("PACKAGE_VULNERABILITY",
				"NETWORK_REACHABILITY", "CODE_VULNERABILITY");
		assertThat(seen.stream().map(f -> f.title())).contains(
				"CVE-2024-29041 - express <script>alert(\"x\")</script> & 'friends'",
				"CVE-2024-37891 - urllib3 (日本語の説明: 脆弱なパッケージ)");
		// the explicit CRITICAL ACTIVE finding first observed 40 days before the
		// reference instant
		Finding explicit = org.findings()
			.stream()
			.filter(f -> f.severity().equals("CRITICAL") && f.status().equals("ACTIVE")
					&& f.firstObservedAt().isBefore(SimulatorIamStsTest.REFERENCE.minus(java.time.Duration.ofDays(40)))
					&& f.firstObservedAt().isAfter(SimulatorIamStsTest.REFERENCE.minus(java.time.Duration.ofDays(41)))
					&& f.title().equals("CVE-2024-3094 - xz-utils"))
			.findFirst()
			.orElseThrow();
		var critical = seen.stream()
			.filter(f -> f.findingArn().equals(explicit.findingArn()))
			.findFirst()
			.orElseThrow();
		assertThat(critical.firstObservedAt()).isEqualTo(explicit.firstObservedAt());
		assertThat(critical.packageVulnerabilityDetails().cvss()).isNotEmpty();

		try (Inspector2Client inspector = SdkClients.build(Inspector2Client.builder(), sim)) {
			for (String status : List.of("ACTIVE", "SUPPRESSED", "CLOSED")) {
				var filter = FilterCriteria.builder()
					.awsAccountId(eq("444444444444"))
					.findingStatus(eq(status))
					.build();
				long n = inspector.listFindingsPaginator(r -> r.filterCriteria(filter).maxResults(25))
					.findings()
					.stream()
					.count();
				assertThat(n).isEqualTo(org.findings("444444444444")
					.stream()
					.filter(f -> f.region().equals("us-east-1") && f.status().equals(status))
					.count());
			}
			var critical2 = FilterCriteria.builder().severity(eq("CRITICAL")).build();
			assertThat(inspector.listFindingsPaginator(r -> r.filterCriteria(critical2)).findings().stream().count())
				.isEqualTo(org.findings()
					.stream()
					.filter(f -> f.region().equals("us-east-1") && f.severity().equals("CRITICAL"))
					.count());
			var status = inspector.batchGetAccountStatus(r -> r.accountIds("444444444444", "888888888888"));
			assertThat(status.accounts()).extracting(a -> a.state().statusAsString())
				.containsExactly("ENABLED", "SUSPENDED");
			assertThat(inspector.listMembersPaginator(r -> r.maxResults(3)).members().stream().count())
				.isEqualTo(org.accounts().size() - 1);
		}
		assertThat(org.findings().stream().map(Finding::findingArn).distinct().count())
			.isEqualTo(org.findings().size());
	}

	@Test
	void artifactReportsTermsAndDocuments() throws Exception {
		try (ArtifactClient artifact = SdkClients.build(ArtifactClient.builder(), sim)) {
			List<ReportSummary> reports = artifact.listReportsPaginator(r -> r.maxResults(3))
				.reports()
				.stream()
				.toList();
			assertThat(reports).hasSize(sim.organization().artifactReports().size());
			ReportSummary soc2 = reports.get(0);
			var detail = artifact.getReportMetadata(r -> r.reportId(soc2.id())).reportDetails();
			assertThat(detail.periodEnd()).isEqualTo(sim.organization().artifactReports().get(0).periodEnd());
			String termToken = artifact.getTermForReport(r -> r.reportId(soc2.id())).termToken();
			String url = artifact.getReport(r -> r.reportId(soc2.id()).termToken(termToken)).documentPresignedUrl();
			assertThat(url).startsWith(sim.endpoint() + "/_artifact/documents/" + soc2.id());
			HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
			try (var doc = Loader.loadPDF(pdf.body())) {
				assertThat(new PDFTextStripper().getText(doc)).contains(soc2.name());
			}
			HttpResponse<byte[]> forged = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url.replaceAll("token=.*", "token=forged"))).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(forged.statusCode()).isEqualTo(403);
		}
	}

}
