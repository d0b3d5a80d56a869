package dev.evident.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "evident", mixinStandardHelpOptions = true, versionProvider = Version.class,
		subcommands = { RunCommand.class, DemoCommand.class, SimulatorCommand.class, ControlsCommand.class,
				MappingsCommand.class, VerifyCommand.class, RenderCommand.class },
		description = { "Turns an AWS organization into an auditor-ready quarterly compliance evidence package:",
				"a PDF report, an Excel workbook, results.json, the raw evidence and a sealed, hashed bundle.", "" },
		footerHeading = "%nExamples:%n",
		footer = { "  evident demo                          the whole job against the bundled demo organization",
				"  evident run --period 2026-Q3          the last quarter of your organization (AWS credentials from",
				"                                        the default chain: AWS_PROFILE, AWS_REGION, ...)",
				"  evident simulator --port 4566         serve the demo organization to the AWS CLI or an SDK",
				"  evident controls --framework soc2     the controls behind a framework, with their responsibility",
				"  evident mappings validate my-mappings check custom controls and frameworks before a run",
				"  evident verify bundle.zip --trust ca.pem  check a bundle's hashes and signature offline",
				"  evident render --run RUN_ID           a new package from a run's evidence in the store, no AWS", "",
				"Exit codes: 0 complete, 3 complete with evidence gaps, 2 usage or configuration error, 1 failed.",
				"A failed run resumes when the same command is run again.",
				"Settings: any Spring property as an environment variable, e.g. SPRING_DATASOURCE_URL for PostgreSQL." })
public class EvidentCommand implements Runnable {

	private final Class<?> application;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	/**
	 * @param application the Spring Boot application the commands that run a job start
	 * (given by the entry point, so that this package does not import it)
	 */
	public EvidentCommand(Class<?> application) {
		this.application = application;
	}

	/** The application of the top command above {@code spec}. */
	static Class<?> application(picocli.CommandLine.Model.CommandSpec spec) {
		picocli.CommandLine.Model.CommandSpec top = spec;
		while (top.parent() != null) {
			top = top.parent();
		}
		return ((EvidentCommand) top.userObject()).application;
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

}
