package dev.evident.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.evident.control.ControlCatalog;
import dev.evident.job.RenderLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.ExitCode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evident render --run RUN_ID}: rebuilds a package's outputs from the evidence
 * store.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Rebuilds every output of a past run (results.json, workbook, report, manifest, sums, bundle) "
				+ "from the evidence store and the raw evidence in its package, without AWS. The same evidence and "
				+ "templates give the same results.json and the same hashes of the data files.", "" })
public class RenderCommand implements Callable<Integer> {

	@Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "The run to render again.")
	String runId;

	@Option(names = "--frameworks", paramLabel = "ID", split = ",",
			description = "Only these frameworks (default: those of the run).")
	List<String> frameworks = new ArrayList<>();

	@Mixin
	TemplatesOption templates = new TemplatesOption();

	@Option(names = "--sign-keystore", paramLabel = "FILE.p12",
			description = "Sign the new manifest (password from EVIDENT_SIGN_PASSWORD).")
	Path signKeystore;

	@Option(names = "--sign-alias", paramLabel = "ALIAS", description = "The key in the keystore to sign with.")
	String signAlias;

	@Option(names = "--verbose", description = "Log in detail and print stack traces.")
	boolean verbose;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Map<String, Object> properties = new LinkedHashMap<>(Logging.defaults(verbose));
		properties.put("evident.version", Version.current());
		Map<String, Object> given = new LinkedHashMap<>();
		String templatesError = templates.apply(given);
		if (templatesError != null) {
			return Failures.usage(err, templatesError);
		}
		if (signKeystore != null) {
			if (signAlias == null || !Files.isReadable(signKeystore)) {
				return Failures.usage(err, "--sign-keystore needs a readable file and --sign-alias");
			}
			given.put("evident.sign.keystore", signKeystore.toAbsolutePath().toString());
			given.put("evident.sign.alias", signAlias);
		}
		SpringApplication app = new SpringApplication(EvidentCommand.application(spec));
		app.setDefaultProperties(properties);
		CommandLineProperties.addFirst(app, given);
		try (ConfigurableApplicationContext context = app.run()) {
			context.getBean(ControlCatalog.class).selecting(frameworks);
			Outcome outcome = context.getBean(RenderLauncher.class).render(runId, frameworks);
			if (outcome.exitCode() == ExitCode.FAILED) {
				err.println("evident: render of " + runId + " " + outcome.status() + ": " + outcome.failure());
				err.flush();
				return ExitCode.FAILED;
			}
			outcome.layout().ifPresent(layout -> {
				out.println("Evidence package: " + layout.packageDir());
				out.println("Bundle:           " + layout.bundle());
			});
			out.flush();
			return outcome.exitCode();
		}
		catch (Exception ex) {
			return Failures.report(err, ex, verbose);
		}
	}

}
