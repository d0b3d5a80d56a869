package dev.evident.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.FindingRow;
import dev.evident.inspector.FindingShortlist;
import dev.evident.inspector.FindingStore;
import dev.evident.report.InspectorSection.Finding;
import dev.evident.report.InspectorSection.SlaBreach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's bounded Inspector lists, ranked from the findings shortlisted while they
 * were stored, are exactly the lists that ranking every finding gives, whatever the order
 * findings arrive in, with chunks committed concurrently; and the shortlist stays small.
 */
class InspectorListsTest {

	static final String RUN = "run-lists";

	static final OffsetDateTime AS_OF = OffsetDateTime.of(2026, 9, 30, 23, 59, 59, 0, ZoneOffset.UTC);

	static final Map<String, Integer> SLA = Map.of("CRITICAL", 15, "HIGH", 30, "MEDIUM", 90);

	static final String[] SEVERITIES = { "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED" };

	static final int FINDINGS = 30_000;

	enum Arrival {

		/** Any order. */
		SHUFFLED,
		/**
		 * Lowest score and newest first: each finding outranks all before it, so without
		 * pruning every one would be shortlisted.
		 */
		WORST_FIRST

	}

	@ParameterizedTest
	@EnumSource(Arrival.class)
	void listsRankedFromTheShortlistEqualListsRankedFromEveryFinding(Arrival arrival) throws Exception {
		EvidenceStoreFixture store = EvidenceStoreFixture.emptyStore();
		write(store, findings(arrival));

		long shortlisted = store.jdbc.queryForObject("SELECT COUNT(*) FROM ev_finding_shortlist WHERE run_id = ?",
				Long.class, RUN);
		// per severity, at most 100 by score and 100 by age
		assertThat(shortlisted).isBetween(1L, 2L * SEVERITIES.length * FindingShortlist.SIZE);

		InspectorSection section = load(store, 50, 50);
		assertThat(section.topFindings().rows()).extracting(Finding::vulnerabilityId)
			.containsExactlyElementsOf(mostSevere(store, 50));
		assertThat(section.topFindings().total()).isEqualTo(count(store, "status = 'ACTIVE'"));
		assertThat(section.slaBreaches().rows()).extracting(SlaBreach::vulnerabilityId)
			.containsExactlyElementsOf(pastSla(store, 50));
		long pastSla = count(store, "status = 'ACTIVE' AND (" + slaCondition() + ")");
		assertThat(pastSla).isGreaterThan(1_000);
		assertThat(section.slaBreaches().total()).isEqualTo(pastSla);

		// the template's limits at the shortlist's size, and beyond it (ranked from every
		// finding)
		for (int limit : new int[] { FindingShortlist.SIZE, FindingShortlist.SIZE + 20 }) {
			assertListsOfEveryFinding(store, limit);
		}
		// a run collected before the shortlist existed is ranked from every finding
		store.jdbc.update("DELETE FROM ev_finding_shortlist WHERE run_id = ?", RUN);
		assertListsOfEveryFinding(store, 50);
	}

	private static void assertListsOfEveryFinding(EvidenceStoreFixture store, int limit) {
		InspectorSection section = load(store, limit, limit);
		assertThat(section.topFindings().rows()).extracting(Finding::vulnerabilityId)
			.containsExactlyElementsOf(mostSevere(store, limit));
		assertThat(section.slaBreaches().rows()).extracting(SlaBreach::vulnerabilityId)
			.containsExactlyElementsOf(pastSla(store, limit));
	}

	private static InspectorSection load(EvidenceStoreFixture store, int top, int breaches) {
		PdfSettings.Limits limits = new PdfSettings.Limits(null, top, null, null, breaches);
		return new InspectorQueries(store.jdbc, limits).load(RUN, AS_OF, new Thresholds(SLA, "test", 90, "test"),
				Map.of());
	}

	/**
	 * Chunks of 1,000 in their own transactions, three at a time, as the job writes, then
	 * the end of the step.
	 */
	private static void write(EvidenceStoreFixture store, List<FindingRow> findings) throws Exception {
		FindingStore findingStore = new FindingStore(store.jdbc, SqlDialect.H2, new FindingShortlist());
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(store.dataSource));
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < findings.size(); i += 1_000) {
				List<FindingRow> chunk = findings.subList(i, Math.min(findings.size(), i + 1_000));
				done.add(pool.submit(() -> tx.executeWithoutResult(s -> findingStore.upsert(RUN, chunk))));
			}
			for (Future<?> f : done) {
				f.get();
			}
			findingStore.settle(RUN);
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * Scores in tenths with many ties and some missing, first observed over 400 days,
	 * three statuses; each finding's vulnerability id is unique.
	 */
	private static List<FindingRow> findings(Arrival arrival) {
		Random random = new Random(42);
		List<FindingRow> rows = new ArrayList<>();
		for (int i = 0; i < FINDINGS; i++) {
			String account = String.format("%012d", 100_000_000_000L + random.nextInt(40));
			int s = random.nextInt(100);
			String severity = SEVERITIES[s < 5 ? 0 : s < 20 ? 1 : s < 60 ? 2 : s < 85 ? 3 : s < 97 ? 4 : 5];
			int st = random.nextInt(10);
			String status = st < 7 ? "ACTIVE" : st < 9 ? "CLOSED" : "SUPPRESSED";
			Double score = random.nextInt(20) == 0 ? null : random.nextInt(101) / 10.0;
			Instant first = AS_OF.toInstant().minusSeconds(random.nextInt(400 * 86_400));
			rows.add(new FindingRow("arn:aws:inspector2:us-east-1:" + account + ":finding/" + Integer.toHexString(i),
					account, "us-east-1", severity, status, "PACKAGE_VULNERABILITY", "Finding " + i, "CVE-" + i,
					"AWS_EC2_INSTANCE", "i-" + i, score, "YES", "NO", first, first, first));
		}
		if (arrival == Arrival.SHUFFLED) {
			Collections.shuffle(rows, random);
		}
		else {
			rows.sort(Comparator.comparing(FindingRow::inspectorScore, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(FindingRow::firstObservedAt, Comparator.reverseOrder()));
		}
		return rows;
	}

	private static List<String> mostSevere(EvidenceStoreFixture store, int limit) {
		return store.jdbc.queryForList("""
				SELECT vulnerability_id FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE'
				ORDER BY CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3
				         WHEN 'INFORMATIONAL' THEN 4 ELSE 5 END, inspector_score DESC NULLS LAST, finding_arn
				FETCH FIRST %d ROWS ONLY""".formatted(limit), String.class, RUN);
	}

	private static List<String> pastSla(EvidenceStoreFixture store, int limit) {
		return store.jdbc.queryForList("""
				SELECT vulnerability_id FROM ev_finding WHERE run_id = ? AND status = 'ACTIVE' AND (%s)
				ORDER BY first_observed_at, finding_arn FETCH FIRST %d ROWS ONLY""".formatted(slaCondition(), limit),
				String.class, RUN);
	}

	private static String slaCondition() {
		List<String> clauses = new ArrayList<>();
		SLA.forEach((severity, days) -> clauses.add("(severity = '" + severity
				+ "' AND first_observed_at < TIMESTAMP WITH TIME ZONE '"
				+ AS_OF.minusDays(days)
					.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT))
				+ "+00')"));
		return String.join(" OR ", clauses);
	}

	private static long count(EvidenceStoreFixture store, String condition) {
		return store.jdbc.queryForObject("SELECT COUNT(*) FROM ev_finding WHERE run_id = ? AND " + condition,
				Long.class, RUN);
	}

}
