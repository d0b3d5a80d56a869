package dev.evident.control.checks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.evident.control.CheckResult;
import dev.evident.control.Control;
import dev.evident.control.Responsibility;
import dev.evident.control.Status;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.SqlDialect;

import static org.assertj.core.api.Assertions.assertThat;

class ManualEvidenceTest {

	CheckFixture store = new CheckFixture();

	ManualEvidence check = new ManualEvidence(store.jdbc);

	Control guardduty = new Control("guardduty-enabled", "GuardDuty", "Threats are detected.", Responsibility.CUSTOMER,
			new Control.CheckRef("manual_evidence", Map.of()), List.of(), null, List.of());

	@Test
	void isManualWithTheAttachedFilesListed() {
		record("manual/guardduty-enabled/org-settings.pdf");
		record("manual/guardduty-enabled/screenshots/findings.png");
		record("manual/waf-protection/acl.json");

		CheckResult result = check.evaluate(store.context(Map.of()).forControl(guardduty)).get(0);

		assertThat(result.status()).isEqualTo(Status.MANUAL);
		assertThat(result.resource()).isEqualTo("guardduty-enabled");
		assertThat(result.reason())
			.isEqualTo("2 file(s) of manual evidence attached for review: org-settings.pdf, screenshots/findings.png.");
		assertThat(result.evidence()).containsExactly("manual/guardduty-enabled/org-settings.pdf",
				"manual/guardduty-enabled/screenshots/findings.png");
	}

	@Test
	void isManualAwaitingEvidenceWithoutFiles() {
		CheckResult result = check.evaluate(store.context(Map.of()).forControl(guardduty)).get(0);

		assertThat(result.status()).isEqualTo(Status.MANUAL);
		assertThat(result.reason()).startsWith("Awaiting manual evidence")
			.contains("<manual-evidence folder>/guardduty-enabled/");
		assertThat(result.evidence()).isEmpty();
	}

	private void record(String path) {
		new EvidenceFiles(store.jdbc, SqlDialect.H2).record(CheckFixture.RUN, new EvidenceFiles.Written(path, "00", 1),
				new EvidenceFiles.Source("manual:evidence", null, null, null, Instant.now()));
	}

}
