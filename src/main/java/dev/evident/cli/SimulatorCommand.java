package dev.evident.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.evident.simulator.Simulator;
import dev.evident.simulator.SimulatorConfig;
import dev.evident.simulator.synthetic.SyntheticSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evident simulator}: serves the demo organization, or a synthetic one of a given
 * size, until stopped.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
		description = { "Serves the demo organization on 127.0.0.1 with the real AWS wire protocols (STS and IAM",
				"query/XML, Organizations JSON 1.1, Inspector2 and Artifact REST-JSON), so that the AWS CLI or",
				"any SDK can be pointed at it. Stop it with Ctrl-C.", "",
				"With --synthetic or any --synthetic-* option it serves a large synthetic",
				"organization instead (default: 500 accounts over nested OUs, 20,000 IAM users,",
				"1,000,000 Inspector findings of about 2 KB each, 15 Artifact reports). Its",
				"findings are generated on demand, so the simulator stays small in memory; the",
				"same options give the same ids and finding ARNs on every start.", "" })
public class SimulatorCommand implements Callable<Integer> {

	@Option(names = "--port", paramLabel = "N", defaultValue = "4566",
			description = "The loopback port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
	int port;

	@Option(names = "--synthetic", description = "Serve the synthetic organization (sizes below, or their defaults).")
	boolean synthetic;

	@Option(names = "--synthetic-accounts", paramLabel = "N",
			description = "Accounts of the synthetic organization, the management account included. Default: 500.")
	Integer accounts;

	@Option(names = "--synthetic-users", paramLabel = "N",
			description = "IAM users spread over the synthetic accounts. Default: 20000.")
	Integer users;

	@Option(names = "--synthetic-findings", paramLabel = "N",
			description = "Inspector findings spread over the synthetic accounts. Default: 1000000.")
	Long findings;

	@Option(names = "--synthetic-reports", paramLabel = "N", description = "AWS Artifact reports. Default: 15.")
	Integer reports;

	@Option(names = "--synthetic-regions", paramLabel = "REGION", split = ",",
			description = "Regions with Inspector findings, comma-separated. Default: us-east-1.")
	List<String> regions;

	@Option(names = "--synthetic-seed", paramLabel = "N",
			description = "The seed of every generated value. Default: " + SyntheticSize.SEED + ".")
	Long seed;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		if (port < 0 || port > 65535) {
			return Failures.usage(spec.commandLine().getErr(), "--port must be between 0 and 65535");
		}
		SyntheticSize size;
		try {
			size = size();
		}
		catch (IllegalArgumentException ex) {
			return Failures.usage(spec.commandLine().getErr(), ex.getMessage());
		}
		PrintWriter out = spec.commandLine().getOut();
		CountDownLatch stopped = new CountDownLatch(1);
		try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withPort(port).withSynthetic(size))) {
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			out.println("Simulator listening on " + simulator.endpoint() + " (management account "
					+ simulator.managementAccountId() + ")");
			if (size != null) {
				out.printf(
						"Synthetic organization %s: %d accounts, %d IAM users, %d findings in %s, %d Artifact reports%n",
						simulator.organization().identity().organizationId(), size.accounts(), size.users(),
						size.findings(), String.join(",", size.regions()), size.artifactReports());
			}
			out.println("Try:");
			out.println("  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \\");
			out.println("  aws --endpoint-url " + simulator.endpoint() + " organizations describe-organization");
			out.flush();
			stopped.await();
		}
		return 0;
	}

	/** The synthetic size asked for, or null for the demo organization. */
	private SyntheticSize size() {
		if (!synthetic && accounts == null && users == null && findings == null && reports == null && regions == null
				&& seed == null) {
			return null;
		}
		SyntheticSize d = SyntheticSize.defaults();
		return new SyntheticSize(accounts == null ? d.accounts() : accounts, users == null ? d.users() : users,
				findings == null ? d.findings() : findings, reports == null ? d.artifactReports() : reports,
				seed == null ? d.seed() : seed, regions == null ? d.regions() : regions);
	}

}
