package dev.evident.simulator;

import dev.evident.simulator.model.FindingSource;

import dev.evident.simulator.synthetic.SyntheticSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.inspector2.model.Finding;
import software.amazon.awssdk.services.inspector2.model.FilterCriteria;
import software.amazon.awssdk.services.inspector2.model.Inspector2Exception;
import software.amazon.awssdk.services.inspector2.model.ListFindingsResponse;
import software.amazon.awssdk.services.inspector2.model.SortField;
import software.amazon.awssdk.services.inspector2.model.SortOrder;
import software.amazon.awssdk.services.inspector2.model.StringComparison;
import software.amazon.awssdk.services.inspector2.model.StringFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The synthetic organization of default size (1,000,000 findings) through the real
 * Inspector2 client: pages of 100 at any offset, account chains whose totals equal the
 * source's arithmetic counts, and payloads of about 2 KB that the SDK reads in full.
 */
class SimulatorSyntheticTest {

	static final String REGION = "us-east-1";

	static Simulator sim;

	static FindingSource source;

	static final AtomicLong bodyBytes = new AtomicLong();

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withReferenceInstant(SimulatorIamStsTest.REFERENCE)
			.withThreads(4)
			.withSynthetic(SyntheticSize.defaults()));
		source = sim.organization().findingSource();
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	/** An Inspector2 client that adds the size of every response body to bodyBytes. */
	static Inspector2Client inspector() {
		ExecutionInterceptor sizes = new ExecutionInterceptor() {
			@Override
			public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
					ExecutionAttributes attributes) {
				return context.responseBody().map(body -> new FilterInputStream(body) {
					@Override
					public int read() throws IOException {
						int b = super.read();
						bodyBytes.addAndGet(b < 0 ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = super.read(buffer, offset, length);
						bodyBytes.addAndGet(Math.max(0, n));
						return n;
					}
				});
			}
		};
		return SdkClients.build(Inspector2Client.builder(), sim, SdkClients.BASE, Region.US_EAST_1, 3, sizes);
	}

	private static StringFilter eq(String value) {
		return StringFilter.builder().comparison(StringComparison.EQUALS).value(value).build();
	}

	/** The simulator's own token for a position (its format: base64url of a prefix). */
	private static String tokenAt(int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("evident-sim:" + position).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void pagesOfAHundredAtTheStartAndNearTheEndOfAMillion() {
		List<dev.evident.simulator.model.Finding> all = source.view(REGION, null);
		assertThat(all).hasSize(1_000_000);
		try (Inspector2Client inspector = inspector()) {
			ListFindingsResponse first = inspector.listFindings(r -> r.maxResults(100));
			assertThat(first.findings()).extracting(Finding::findingArn)
				.containsExactlyElementsOf(all.subList(0, 100).stream().map(f -> f.findingArn()).toList());
			ListFindingsResponse second = inspector.listFindings(r -> r.maxResults(100).nextToken(first.nextToken()));
			assertThat(second.findings().get(0).findingArn()).isEqualTo(all.get(100).findingArn());

			ListFindingsResponse last = inspector.listFindings(r -> r.maxResults(100).nextToken(tokenAt(999_900)));
			assertThat(last.nextToken()).isNull();
			assertThat(last.findings()).extracting(Finding::findingArn)
				.containsExactlyElementsOf(all.subList(999_900, 1_000_000).stream().map(f -> f.findingArn()).toList());
			assertThat(last.findings().get(99).firstObservedAt()).isEqualTo(all.get(999_999).firstObservedAt());
		}
	}

	@Test
	void accountChainsAddUpToTheArithmeticCountsWithPayloadsOfAboutTwoKilobytes() {
		var accounts = sim.organization().accounts().stream().filter(a -> !a.suspended()).toList();
		List<String> chains = List.of(accounts.get(0).id(), accounts.get(1).id(),
				accounts.get(accounts.size() - 1).id());
		long findings = 0;
		bodyBytes.set(0);
		List<Finding> packages = new ArrayList<>();
		try (Inspector2Client inspector = inspector()) {
			for (String account : chains) {
				var filter = FilterCriteria.builder().awsAccountId(eq(account)).build();
				List<Finding> chain = inspector.listFindingsPaginator(r -> r.filterCriteria(filter).maxResults(100))
					.findings()
					.stream()
					.toList();
				assertThat(chain).hasSize((int) source.count(REGION, account, null, null))
					.allSatisfy(f -> assertThat(f.awsAccountId()).isEqualTo(account));
				Map<String, Long> byStatus = chain.stream()
					.collect(Collectors.groupingBy(Finding::statusAsString, Collectors.counting()));
				for (String status : List.of("ACTIVE", "SUPPRESSED", "CLOSED")) {
					assertThat(byStatus.get(status)).as(account + " " + status)
						.isEqualTo(source.count(REGION, account, null, status));
				}
				assertThat(chain.stream().map(Finding::findingArn).distinct()).hasSize(chain.size());
				List<dev.evident.simulator.model.Finding> expected = source.view(REGION, account);
				assertThat(chain.get(chain.size() - 1).findingArn())
					.isEqualTo(expected.get(expected.size() - 1).findingArn());
				findings += chain.size();
				chain.stream().filter(f -> f.packageVulnerabilityDetails() != null).limit(500).forEach(packages::add);
			}
		}
		double average = bodyBytes.get() / (double) findings;
		System.out.printf("synthetic ListFindings: %d findings, %.0f bytes per finding on the wire%n", findings,
				average);
		assertThat(average).isBetween(1800.0, 2400.0);

		// every part of a package finding reaches the SDK's model
		assertThat(packages).hasSizeGreaterThan(1000).allSatisfy(f -> {
			var details = f.packageVulnerabilityDetails();
			assertThat(details.vulnerabilityId()).startsWith("CVE-");
			assertThat(details.vulnerablePackages()).hasSizeBetween(1, 3)
				.allSatisfy(p -> assertThat(p.packageManagerAsString()).isNotNull());
			assertThat(details.referenceUrls()).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith("https://"));
			assertThat(details.vendorCreatedAt()).isBefore(details.vendorUpdatedAt());
			assertThat(f.resources().get(0).tags()).hasSizeBetween(3, 5).containsKeys("Name", "Environment", "Owner");
			assertThat(f.resources().get(0).details()).isNotNull();
		});
		assertThat(packages).anySatisfy(f -> {
			assertThat(f.packageVulnerabilityDetails().cvss()).hasSize(2);
			assertThat(f.packageVulnerabilityDetails().cvss().get(1).version()).isIn("2.0", "4.0");
			assertThat(f.inspectorScoreDetails().adjustedCvss().score()).isPositive();
		});
		assertThat(packages).anySatisfy(f -> assertThat(f.packageVulnerabilityDetails().vulnerablePackages())
			.anySatisfy(p -> assertThat(p.sourceLayerHash()).startsWith("sha256:")));
		assertThat(packages)
			.anySatisfy(f -> assertThat(f.packageVulnerabilityDetails().relatedVulnerabilities()).isNotEmpty());
	}

	@Test
	void otherFiltersScanForwardAndSortingIsRefused() {
		String account = sim.organization().accounts().get(7).id();
		try (Inspector2Client inspector = inspector()) {
			var critical = FilterCriteria.builder().awsAccountId(eq(account)).severity(eq("CRITICAL")).build();
			assertThat(inspector.listFindingsPaginator(r -> r.filterCriteria(critical).maxResults(10))
				.findings()
				.stream()
				.count()).isEqualTo(source.count(REGION, account, "CRITICAL", null)).isPositive();
			var twoAccounts = FilterCriteria.builder()
				.awsAccountId(eq(account), eq(sim.organization().accounts().get(8).id()))
				.findingStatus(eq("SUPPRESSED"))
				.build();
			assertThat(inspector.listFindings(r -> r.filterCriteria(twoAccounts).maxResults(50)).findings()).hasSize(50)
				.allSatisfy(f -> assertThat(f.statusAsString()).isEqualTo("SUPPRESSED"));
			assertThatThrownBy(() -> inspector
				.listFindings(r -> r.sortCriteria(s -> s.field(SortField.SEVERITY).sortOrder(SortOrder.DESC))))
				.isInstanceOfSatisfying(Inspector2Exception.class,
						e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
		}
	}

	@Test
	void aMemberSeesItsOwnFindingsAndCoverageComesFromTheResourcePools() {
		String member = sim.organization().accounts().get(10).id();
		try (Inspector2Client inspector = SdkClients.build(Inspector2Client.builder(), sim,
				SdkClients.assume(sim, member, "EvidentAuditRole"), Region.US_EAST_1, 3)) {
			assertThat(inspector.listFindingsPaginator(r -> r.maxResults(100)).findings().stream().count())
				.isEqualTo(source.count(REGION, member, null, null));
			assertThat(inspector.listCoveragePaginator(r -> r.maxResults(200)).coveredResources().stream().count())
				.isEqualTo(source.coverage(REGION, member).size());
		}
		try (Inspector2Client inspector = inspector()) {
			long covered = inspector.listCoveragePaginator(r -> r.maxResults(200)).coveredResources().stream().count();
			assertThat(covered).isEqualTo(source.coverage(REGION, null).size()).isGreaterThan(495 * 5);
		}
	}

}
