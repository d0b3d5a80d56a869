package dev.evident.control;

import dev.evident.network.NetworkStore;
import dev.evident.run.RunLayout;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evident.control.ControlResultStore.Evaluated;
import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.RunContext;
import dev.evident.evidence.Runs;
import dev.evident.organizations.OrganizationSnapshot.Account;
import dev.evident.organizations.OrganizationStore;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evaluates the catalog against the evidence store, stores the results and writes
 * results.json.
 */
public class EvaluateControlsTasklet implements Tasklet {

	private final ControlCatalog catalog;

	private final ControlEvaluator evaluator;

	private final ControlResultStore results;

	private final Runs runs;

	private final OrganizationStore organizations;

	private final Gaps gaps;

	private final EvidenceFiles files;

	private final JdbcTemplate jdbc;

	private final NetworkStore network;

	public EvaluateControlsTasklet(ControlCatalog catalog, ControlEvaluator evaluator, ControlResultStore results,
			Runs runs, OrganizationStore organizations, Gaps gaps, EvidenceFiles files, JdbcTemplate jdbc) {
		this.catalog = catalog;
		this.evaluator = evaluator;
		this.results = results;
		this.runs = runs;
		this.organizations = organizations;
		this.gaps = gaps;
		this.files = files;
		this.jdbc = jdbc;
		this.network = new NetworkStore(jdbc);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
		RunContext run = RunContext.of(chunk.getStepContext().getStepExecution(), runs);
		List<Account> all = organizations.accounts(run.runId());
		List<Account> inScope = all.stream().filter(Account::inScope).toList();
		CheckContext base = new CheckContext(run.runId(), run.record().asOf(), run.record().period(),
				run.record().managementAccountId(), inScope, gaps, Map.of());
		ControlCatalog selected = catalog.selecting(run.parameters().frameworks());
		List<Evaluated> evaluated = evaluator.evaluate(selected, base);
		results.replace(run.runId(), evaluated);
		Map<String, Status> statusById = new LinkedHashMap<>();
		evaluated.forEach(e -> statusById.put(e.control().id(), e.status()));
		List<FrameworkEvaluator.FrameworkResult> frameworks = FrameworkEvaluator.evaluate(selected.frameworks(),
				statusById);
		results.replaceFrameworks(run.runId(), frameworks);
		contribution.incrementWriteCount(evaluated.stream().mapToInt(e -> e.results().size()).sum());
		Map<String, Map<String, Long>> findings = new LinkedHashMap<>();
		jdbc.query("SELECT severity, status, COUNT(*) AS n FROM ev_finding WHERE run_id = ? GROUP BY severity, status",
				rs -> {
					findings.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
						.put(rs.getString(2), rs.getLong(3));
				}, run.runId());
		files.write(run.runId(), run.layout().staging(), RunLayout.RESULTS,
				out -> new ResultsJsonWriter().write(out, run.record(), all, gaps.list(run.runId()), evaluated,
						findings, frameworks, selected.requirementsByControl(), network.summary(run.runId())),
				new EvidenceFiles.Source("evident:evaluateControls", "asOf=" + run.record().asOf(), null, null,
						Instant.now()));
		return RepeatStatus.FINISHED;
	}

}
