package dev.evident.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.aws.AwsClientConfigurer;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.Period;
import dev.evident.run.RunParameters;
import dev.evident.run.Source;
import dev.evident.simulator.server.CallLog.AssumeRoleCall;
import dev.evident.simulator.Simulator;
import dev.evident.simulator.server.SessionStore;
import dev.evident.support.DemoSimulator;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole run with recognizable fake secrets: base credentials with a session token (the
 * SDK's {@code aws.*} system properties, as the default chain reads them), session tokens
 * the simulator issues to every assumed role, and an external id. No output file (inside
 * the bundle, the workbook and the PDF too), raw evidence file, log line at INFO or
 * database value may contain a secret key or a session token; the external id may not
 * appear in the logs at INFO.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:robust-secrets;DB_CLOSE_DELAY=-1",
		"logging.level.root=INFO", "evident.log.format=plain" })
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecretLeakIT {

	static final String ACCESS_KEY = "AKIDEVIDENTCANARY";

	static final String SECRET = "SECRET-evident-canary-1234567890";

	static final String SESSION_TOKEN = "SESSION-TOKEN-evident-canary-1234567890";

	static final String EXTERNAL_ID = "EXTERNAL-ID-evident-canary-0987654321";

	/** Session tokens on the wire, base and assumed, as the SDK sent them. */
	static final Set<String> tokensSent = ConcurrentHashMap.newKeySet();

	@DynamicPropertySource
	static void simulator(DynamicPropertyRegistry registry) {
		// DemoSimulator.register without its static keys: base credentials come from the
		// SDK's default chain, with a session token
		Simulator s = DemoSimulator.get();
		registry.add("evident.aws.endpoint", () -> s.endpoint().toString());
		registry.add("evident.aws.region", () -> "us-east-1");
		registry.add("evident.aws.max-attempts", () -> "3");
		registry.add("evident.aws.retry-base-delay", () -> "PT0.005S");
		registry.add("evident.aws.retry-max-delay", () -> "PT0.05S");
		registry.add("evident.iam.report-poll-initial", () -> "PT0.01S");
		registry.add("evident.iam.report-poll-max", () -> "PT0.05S");
		System.setProperty("aws.accessKeyId", ACCESS_KEY);
		System.setProperty("aws.secretAccessKey", SECRET);
		System.setProperty("aws.sessionToken", SESSION_TOKEN);
		registry.add("evident.aws.external-id", () -> EXTERNAL_ID);
	}

	@AfterAll
	static void clearCredentials() {
		System.clearProperty("aws.accessKeyId");
		System.clearProperty("aws.secretAccessKey");
		System.clearProperty("aws.sessionToken");
	}

	@TestConfiguration
	static class Tokens {

		@Bean
		ExecutionInterceptor sessionTokens() {
			return new ExecutionInterceptor() {
				@Override
				public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
					context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").ifPresent(tokensSent::add);
				}
			};
		}

	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	DataSource dataSource;

	@Autowired
	AwsClientConfigurer aws;

	@TempDir
	Path out;

	Simulator simulator = DemoSimulator.get();

	@Test
	void noSecretKeyOrSessionTokenInFilesLogsOrTheDatabaseAndNoExternalIdInTheLogs(CapturedOutput logs)
			throws Exception {
		Faults.of(simulator).reset();
		simulator.calls().reset();
		assertThat(aws.baseCredentials().resolveCredentials()).isInstanceOf(AwsSessionCredentials.class);

		Outcome outcome = launcher.launch(new RunParameters("secrets", Period.parse("2026-Q3"), DemoSimulator.AS_OF,
				Source.DEMO, out, null, EXTERNAL_ID, List.of(), List.of(), DemoSimulator.regions(), 4));

		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
		// the canaries really were used: the external id on every AssumeRole, the base
		// token and assumed-role tokens on the wire
		assertThat(simulator.calls().assumeRoleCalls()).isNotEmpty()
			.allSatisfy(c -> assertThat(c.externalId()).isEqualTo(EXTERNAL_ID));
		assertThat(simulator.calls().assumeRoleCalls().stream().filter(AssumeRoleCall::granted)).isNotEmpty();
		assertThat(tokensSent).contains(SESSION_TOKEN).anyMatch(t -> t.startsWith(SessionStore.TOKEN_PREFIX));
		List<String> secrets = new ArrayList<>(List.of(SECRET, SESSION_TOKEN, SessionStore.SECRET_PREFIX,
				SessionStore.TOKEN_PREFIX, "EVIDENT-CANARY", "evident-canary"));
		tokensSent.forEach(secrets::add);

		// files: the package (raw evidence, workbook, report, manifest) and the bundle
		List<String> leaks = new ArrayList<>();
		Path period = outcome.layout().orElseThrow().periodDir();
		try (Stream<Path> files = Files.walk(out)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				scan(out.relativize(file).toString(), Files.readAllBytes(file), secrets, leaks);
			}
		}
		assertThat(leaks).as("secrets in output files").isEmpty();
		assertThat(outcome.layout().orElseThrow().bundle()).isRegularFile();
		assertThat(period.resolve("secrets/raw")).isDirectory();

		// every text value of every table (and Spring Batch's serialized contexts)
		assertThat(databaseLeaks(secrets)).as("secrets in the database").isEmpty();

		// logs at INFO
		assertThat(logs.getAll()).contains(" INFO ");
		for (String secret : secrets) {
			assertThat(logs.getAll()).as("a secret in the logs").doesNotContain(secret);
		}
		assertThat(logs.getAll()).as("the external id in the logs at INFO").doesNotContain(EXTERNAL_ID);
	}

	/** Looks into zips (the bundle, the workbook) and PDFs (their text) too. */
	private static void scan(String name, byte[] content, List<String> secrets, List<String> leaks) throws IOException {
		String text = new String(content, StandardCharsets.ISO_8859_1);
		String utf8 = new String(content, StandardCharsets.UTF_8);
		for (String secret : secrets) {
			if (text.contains(secret) || utf8.contains(secret)) {
				leaks.add(name + ": " + secret);
			}
		}
		if (content.length > 4 && content[0] == 'P' && content[1] == 'K') {
			// through the central directory, as unzip reads it
			Path copy = Files.createTempFile("evident-scan-", ".zip");
			try (ZipFile zip = new ZipFile(Files.write(copy, content).toFile())) {
				for (ZipEntry e : java.util.Collections.list(zip.entries())) {
					try (var in = zip.getInputStream(e)) {
						scan(name + "!" + e.getName(), in.readAllBytes(), secrets, leaks);
					}
				}
			}
			finally {
				Files.delete(copy);
			}
		}
		else if (text.startsWith("%PDF")) {
			try (PDDocument pdf = Loader.loadPDF(content)) {
				String pdfText = new PDFTextStripper().getText(pdf);
				for (String secret : secrets) {
					if (pdfText.contains(secret)) {
						leaks.add(name + " (text): " + secret);
					}
				}
			}
		}
	}

	private List<String> databaseLeaks(List<String> secrets) throws SQLException {
		List<String> leaks = new ArrayList<>();
		int values = 0;
		try (Connection c = dataSource.getConnection()) {
			DatabaseMetaData meta = c.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(null, "PUBLIC", "%", new String[] { "TABLE", "BASE TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			assertThat(tables).contains("EV_GAP", "EV_FINDING", "BATCH_JOB_EXECUTION_PARAMS");
			for (String table : tables) {
				List<String> columns = new ArrayList<>();
				try (ResultSet rs = meta.getColumns(null, "PUBLIC", table, "%")) {
					while (rs.next()) {
						int type = rs.getInt("DATA_TYPE");
						if (type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB
								|| type == Types.LONGVARCHAR || type == Types.NVARCHAR || type == Types.NCLOB
								|| type == Types.BLOB || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
							columns.add(rs.getString("COLUMN_NAME"));
						}
					}
				}
				for (String column : columns) {
					try (Statement s = c.createStatement();
							ResultSet rs = s.executeQuery("SELECT \"" + column + "\" FROM \"" + table + "\"")) {
						while (rs.next()) {
							byte[] bytes = rs.getBytes(1);
							if (bytes == null) {
								continue;
							}
							values++;
							String value = new String(bytes, StandardCharsets.UTF_8);
							String decoded = base64(value);
							for (String secret : secrets) {
								if (value.contains(secret) || decoded.contains(secret)) {
									leaks.add(table + "." + column + ": " + secret);
								}
							}
						}
					}
				}
			}
		}
		assertThat(values).as("text values scanned").isGreaterThan(1000);
		return leaks;
	}

	/** Spring Batch keeps execution contexts Base64-encoded. */
	private static String base64(String value) {
		try {
			return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.ISO_8859_1);
		}
		catch (IllegalArgumentException notBase64) {
			return "";
		}
	}

}
