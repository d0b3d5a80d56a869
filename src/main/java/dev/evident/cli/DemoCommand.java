package dev.evident.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.evident.run.ExitCode;
import dev.evident.run.Source;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident demo}: {@code run --source demo} against the bundled simulator. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Runs the whole job against the bundled demo organization, served by the AWS-compatible",
				"simulator on a loopback port. Same options as 'run'.", "" })
public class DemoCommand implements Callable<Integer> {

	/** Fake keys: the simulator accepts any; they are never real credentials. */
	static final String DEMO_ACCESS_KEY = "AKIDEVIDENTDEMO";

	static final String DEMO_SECRET = "evident-demo-secret";

	@Mixin
	RunOptions options;

	@Option(names = "--verbose", description = "Log in detail and print stack traces.")
	boolean verbose;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		return runDemo(options, verbose, spec);
	}

	static int runDemo(RunOptions options, boolean verbose, CommandSpec spec) {
		try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
			Map<String, Object> properties = new LinkedHashMap<>(demoProperties(simulator));
			if (options.regions.isEmpty()) {
				options.regions.addAll(DemoRegions.of(simulator));
			}
			return new RunExecution(EvidentCommand.application(spec), spec.commandLine().getOut(),
					spec.commandLine().getErr())
				.execute(options, Source.DEMO, properties, verbose);
		}
		catch (RuntimeException ex) {
			return ExitCode.FAILED == Failures.report(spec.commandLine().getErr(), ex, verbose) ? ExitCode.FAILED
					: ExitCode.USAGE;
		}
	}

	static Map<String, Object> demoProperties(Simulator simulator) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("evident.version", Version.current());
		p.put("evident.aws.endpoint", simulator.endpoint().toString());
		p.put("evident.aws.region", "us-east-1");
		p.put("evident.aws.access-key-id", DEMO_ACCESS_KEY);
		p.put("evident.aws.secret-access-key", DEMO_SECRET);
		p.put("evident.iam.report-poll-initial", "PT0.05S");
		return p;
	}

}
