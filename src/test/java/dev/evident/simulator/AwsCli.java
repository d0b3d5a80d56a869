package dev.evident.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real AWS CLI (botocore, an independent client) run as a subprocess against a
 * simulator, with the given keys and none of the user's AWS configuration. Fails (does
 * not skip) when {@code aws} is not on the PATH.
 */
final class AwsCli {

	static final ObjectMapper JSON = new ObjectMapper();

	record Result(int exit, String stdout, String stderr) {
	}

	private final String aws;

	private final Simulator sim;

	private final AwsCredentials credentials;

	AwsCli(Simulator sim, AwsCredentials credentials, String test) {
		this.aws = findOnPath("aws");
		if (aws == null) {
			fail("The AWS CLI ('aws') is not on the PATH: install it (AWS CLI v2, or 'pip install awscli') to run "
					+ test + ", which reads the simulator through it");
		}
		this.sim = sim;
		this.credentials = credentials;
	}

	/**
	 * {@code aws <service> <command...>} in {@code region}, which must succeed: its JSON
	 * output.
	 */
	JsonNode json(String region, String service, String... command) throws Exception {
		Result result = run(region, service, command);
		assertThat(result.exit()).as("aws " + service + " " + String.join(" ", command) + ": " + result.stderr())
			.isZero();
		return JSON.readTree(result.stdout());
	}

	/** {@code aws <service> <command...>} in {@code region}. */
	Result run(String region, String service, String... command) throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of(aws, service));
		args.addAll(List.of(command));
		args.addAll(List.of("--region", region, "--endpoint-url", sim.endpoint().toString(), "--output", "json"));
		ProcessBuilder builder = new ProcessBuilder(args);
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf(name -> name.startsWith("AWS_") || name.toLowerCase().endsWith("_proxy")
					|| name.startsWith("BOTO_"));
		env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
		env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
		if (credentials instanceof software.amazon.awssdk.auth.credentials.AwsSessionCredentials session) {
			env.put("AWS_SESSION_TOKEN", session.sessionToken());
		}
		env.put("AWS_CONFIG_FILE", "/dev/null");
		env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
		env.put("AWS_EC2_METADATA_DISABLED", "true");
		env.put("AWS_PAGER", "");
		env.put("AWS_MAX_ATTEMPTS", "1");
		Path out = Files.createTempFile("aws-cli", ".out");
		Path err = Files.createTempFile("aws-cli", ".err");
		try {
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("aws " + service + " " + String.join(" ", command) + " did not finish within 60 s");
			}
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	static JsonNode single(JsonNode array) {
		assertThat(array).isNotNull().hasSize(1);
		return array.get(0);
	}

	private static String findOnPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, program);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

}
