package dev.evident.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident simulator}: serves the demo organization until stopped. */
@Command(name = "simulator", mixinStandardHelpOptions = true,
		description = { "Serves the demo organization on 127.0.0.1 with the real AWS wire protocols (STS and IAM",
				"query/XML, Organizations JSON 1.1, Inspector2 and Artifact REST-JSON), so that the AWS CLI or",
				"any SDK can be pointed at it. Stop it with Ctrl-C.", "" })
public class SimulatorCommand implements Callable<Integer> {

	@Option(names = "--port", paramLabel = "N", defaultValue = "4566",
			description = "The loopback port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
	int port;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		if (port < 0 || port > 65535) {
			return Failures.usage(spec.commandLine().getErr(), "--port must be between 0 and 65535");
		}
		PrintWriter out = spec.commandLine().getOut();
		CountDownLatch stopped = new CountDownLatch(1);
		try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withPort(port))) {
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			out.println("Simulator listening on " + simulator.endpoint() + " (management account "
					+ simulator.managementAccountId() + ")");
			out.println("Try:");
			out.println("  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \\");
			out.println("  aws --endpoint-url " + simulator.endpoint() + " organizations describe-organization");
			out.flush();
			stopped.await();
		}
		return 0;
	}

}
