package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.evident.artifact.ArtifactReport;
import dev.evident.artifact.ArtifactReportStore;
import dev.evident.control.Check;
import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;

import org.springframework.stereotype.Component;

/**
 * A control inherited from AWS passes only when a published AWS Artifact report of the
 * required series has an audit period that covers the whole reporting period. Parameter
 * {@code series}: the text the report's series must contain, such as {@code SOC 2}.
 */
@Component
public class ArtifactReportCurrent implements Check {

	@Override
	public List<String> reads() {
		return List.of("artifact:ListReports", "artifact:GetReport");
	}

	private final ArtifactReportStore reports;

	public ArtifactReportCurrent(ArtifactReportStore reports) {
		this.reports = reports;
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("series", String.class);
	}

	@Override
	public List<CheckResult> evaluate(CheckContext ctx) {
		String series = String.valueOf(ctx.parameters().get("series"));
		String account = ctx.managementAccountId();
		String resource = "AWS Artifact: " + series;
		if (ctx.gaps().list(ctx.runId()).stream().anyMatch(g -> g.source().equals("artifact"))) {
			return List.of(CheckResult.noEvidence(account, resource,
					"The AWS Artifact inventory could not be collected, so no " + series + " report can be shown."));
		}
		List<ArtifactReport> candidates = reports.list(ctx.runId())
			.stream()
			.filter(r -> r.series() != null
					&& r.series().toLowerCase(Locale.ROOT).contains(series.toLowerCase(Locale.ROOT)))
			.sorted(Comparator.comparing(ArtifactReport::periodEnd, Comparator.nullsFirst(Comparator.naturalOrder()))
				.reversed())
			.toList();
		if (candidates.isEmpty()) {
			return List.of(CheckResult.fail(account, resource,
					"No AWS Artifact report of series " + series + " is available to this organization.", List.of()));
		}
		List<CheckResult> results = new ArrayList<>();
		ArtifactReport covering = candidates.stream()
			.filter(r -> r.covers(ctx.period().firstDay(), ctx.period().lastDay()))
			.findFirst()
			.orElse(null);
		if (covering != null) {
			List<String> evidence = covering.documentPath() == null ? List.of() : List.of(covering.documentPath());
			results.add(CheckResult.pass(account, covering.name() + " v" + covering.version(),
					"AWS Artifact report " + covering.name() + " (version " + covering.version() + ", sha256 "
							+ covering.documentSha256() + ") covers " + covering.periodStart() + " to "
							+ covering.periodEnd() + ", which includes " + ctx.period() + ".",
					evidence));
		}
		else {
			ArtifactReport newest = candidates.get(0);
			results.add(CheckResult.fail(account, newest.name() + " v" + newest.version(),
					"The newest " + series + " report, " + newest.name() + ", covers " + newest.periodStart() + " to "
							+ newest.periodEnd() + " and does not cover " + ctx.period() + " ("
							+ ctx.period().firstDay() + " to " + ctx.period().lastDay() + ").",
					newest.documentPath() == null ? List.of() : List.of(newest.documentPath())));
		}
		return results;
	}

}
