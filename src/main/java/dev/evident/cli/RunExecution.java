package dev.evident.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.evident.control.ControlCatalog;
import dev.evident.manual.ManualEvidenceFolder;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Validates the options, starts Spring with them, runs the job and reports the outcome.
 */
final class RunExecution {

	private final PrintWriter out;

	private final PrintWriter err;

	private final Class<?> application;

	RunExecution(Class<?> application, PrintWriter out, PrintWriter err) {
		this.application = application;
		this.out = out;
		this.err = err;
	}

	int execute(RunOptions options, Source source, Map<String, Object> extraProperties, boolean verbose) {
		Instant now = Instant.now();
		RunParameters parameters;
		try {
			parameters = options.toParameters(source, now, RunLauncher.newRunId(now));
			ensureWritable(parameters.out());
		}
		catch (IllegalArgumentException ex) {
			return Failures.usage(err, ex.getMessage());
		}
		Map<String, Object> properties = new LinkedHashMap<>(extraProperties);
		properties.put("evident.parallelism", parameters.parallelism());
		properties.put("evident.artifact.documents", options.artifactDocuments);
		// what the user gave on the command line wins over the environment and any file
		Map<String, Object> given = new LinkedHashMap<>();
		if (options.mappings != null) {
			if (!java.nio.file.Files.isDirectory(options.mappings)) {
				return Failures.usage(err, "--mappings " + options.mappings + " is not a folder");
			}
			given.put("evident.mappings-dir", options.mappings.toAbsolutePath().toString());
		}
		String templatesError = options.templates.apply(given);
		if (templatesError != null) {
			return Failures.usage(err, templatesError);
		}
		if (options.signKeystore != null) {
			if (options.signAlias == null) {
				return Failures.usage(err, "--sign-keystore needs --sign-alias");
			}
			if (!java.nio.file.Files.isReadable(options.signKeystore)) {
				return Failures.usage(err, "--sign-keystore " + options.signKeystore + " is not a readable file");
			}
			given.put("evident.sign.keystore", options.signKeystore.toAbsolutePath().toString());
			given.put("evident.sign.alias", options.signAlias);
		}
		if (!options.overrides.isEmpty()) {
			given.put("evident.control-overrides", String.join(",", options.overrides));
		}
		if (options.roleName != null) {
			given.put("evident.aws.role-name", options.roleName);
		}
		if (options.externalId != null) {
			given.put("evident.aws.external-id", options.externalId);
		}
		SpringApplication app = new SpringApplication(application);
		app.setDefaultProperties(merge(Logging.defaults(verbose), properties));
		CommandLineProperties.addFirst(app, given);
		try (ConfigurableApplicationContext context = app.run()) {
			ControlCatalog catalog = context.getBean(ControlCatalog.class);
			catalog.selecting(parameters.frameworks());
			if (parameters.manualEvidence() != null) {
				ManualEvidenceFolder.scan(parameters.manualEvidence(), id -> catalog.find(id).isPresent());
			}
			Outcome outcome = context.getBean(RunLauncher.class).launch(parameters);
			report(outcome);
			return outcome.exitCode();
		}
		catch (Exception ex) {
			return Failures.report(err, ex, verbose);
		}
	}

	private void report(Outcome outcome) {
		switch (outcome.exitCode()) {
			case ExitCode.COMPLETE, ExitCode.GAPS -> {
				outcome.layout().ifPresent(layout -> {
					out.println("Evidence package: " + layout.packageDir());
					out.println("Bundle:           " + layout.bundle());
				});
				if (outcome.gaps() > 0) {
					out.println("Completed with " + outcome.gaps()
							+ " evidence gap(s): see the Gaps sheet, the report's summary and results.json.");
				}
				else {
					out.println("Completed: every source was collected.");
				}
			}
			default -> err.println("evident: run " + outcome.runId() + " " + outcome.status() + ": " + outcome.failure()
					+ ". Run the same command again to resume it.");
		}
		out.flush();
		err.flush();
	}

	private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
		Map<String, Object> m = new LinkedHashMap<>(a);
		m.putAll(b);
		return m;
	}

	private static void ensureWritable(Path out) {
		try {
			Files.createDirectories(out);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("--out " + out + " cannot be created: " + ex.getMessage());
		}
		if (!Files.isWritable(out)) {
			throw new IllegalArgumentException("--out " + out + " is not writable");
		}
	}

}
