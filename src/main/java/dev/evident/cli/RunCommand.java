package dev.evident.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.evident.run.Source;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evident run}: the evidence package job. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Collects the evidence of one quarter, evaluates the controls and writes the package.",
				"Restart a failed run with the same command: it resumes where it stopped.", "" })
public class RunCommand implements Callable<Integer> {

	@Mixin
	RunOptions options;

	@Option(names = "--source", paramLabel = "aws|demo", defaultValue = "aws",
			description = "aws: your organization through the SDK's default credentials chain and region "
					+ "(AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured); demo: the bundled simulator. "
					+ "Default: ${DEFAULT-VALUE}.")
	String source;

	@Option(names = "--verbose", description = "Log in detail and print stack traces.")
	boolean verbose;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		Source parsed;
		try {
			parsed = Source.parse(source);
		}
		catch (IllegalArgumentException ex) {
			return Failures.usage(spec.commandLine().getErr(), "--source: " + ex.getMessage());
		}
		if (parsed == Source.DEMO) {
			return DemoCommand.runDemo(options, verbose, spec);
		}
		return new RunExecution(EvidentCommand.application(spec), spec.commandLine().getOut(),
				spec.commandLine().getErr())
			.execute(options, parsed, Map.of("evident.version", Version.current()), verbose);
	}

}
