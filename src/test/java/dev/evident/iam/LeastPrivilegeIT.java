package dev.evident.iam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.simulator.Faults;
import dev.evident.job.RunLauncher;
import dev.evident.job.RunLauncher.Outcome;
import dev.evident.run.FindingsExport;
import dev.evident.support.DemoJobTest;
import dev.evident.support.DemoSimulator;
import dev.evident.support.RecordingInterceptor;
import dev.evident.support.TestRuns;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped IAM policies allow exactly what a demo run calls: nothing missing, nothing
 * unused, nothing that writes.
 */
@DemoJobTest
class LeastPrivilegeIT {

	@TestConfiguration
	static class Recording {

		@Bean
		RecordingInterceptor recordingInterceptor() {
			return new RecordingInterceptor(DemoSimulator.BASE_ACCESS_KEY);
		}

	}

	@Autowired
	RunLauncher launcher;

	@Autowired
	RecordingInterceptor recorded;

	@TempDir
	Path out;

	@Test
	void shippedPoliciesAllowExactlyTheOperationsOfARun() throws Exception {
		Faults.of(DemoSimulator.get()).reset();
		recorded.clear();

		Outcome outcome = launcher.launch(TestRuns.demo("least-privilege", out));
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);

		Set<String> management = actions(json("docs/iam/management-policy.json"));
		Set<String> member = actions(json("docs/iam/member-role-policy.json"));
		assertThat(management).as("called with the management account's credentials").containsAll(recorded.base());
		assertThat(member).as("called inside member accounts").containsAll(recorded.assumed());
		Set<String> used = new TreeSet<>(recorded.base());
		used.addAll(recorded.assumed());
		assertThat(used).as("every action the shipped policies allow is used")
			.containsAll(management)
			.containsAll(member);
		assertThat(union(management, member)).allMatch(a -> a.matches("[a-z0-9]+:(Get|List|Describe|BatchGet)[A-Za-z]+")
				|| a.equals("iam:GenerateCredentialReport") || a.equals("sts:AssumeRole"), "read-only");
	}

	@Test
	void theFindingsExportPolicyAllowsExactlyWhatAnExportRunAdds() throws Exception {
		Faults.of(DemoSimulator.get()).reset();
		recorded.clear();

		// --findings-export-above 0: the count, then a report in every region
		Outcome outcome = launcher.launch(TestRuns.demo("least-privilege-export", out)
			.withFindingsExport(FindingsExport.parse("s3://evident-exports/inspector",
					"arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", 0L)));
		assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);

		Set<String> export = actions(json("docs/iam/findings-export-policy.json"));
		Set<String> allowed = union(union(actions(json("docs/iam/management-policy.json")),
				actions(json("docs/iam/member-role-policy.json"))), export);
		Set<String> used = new TreeSet<>(recorded.base());
		used.addAll(recorded.assumed());
		assertThat(allowed).as("every call of an export run is allowed").containsAll(used);
		// kms:Decrypt is called by S3 on the reader's behalf, never by the SDK itself.
		Set<String> called = new TreeSet<>(export);
		called.remove("kms:Decrypt");
		assertThat(used).as("every action the export policy allows is used").containsAll(called);
		assertThat(used).doesNotContain("inspector2:ListFindings");
		assertThat(export).allMatch(a -> a.matches("[a-z0-9]+:(Get|List|Describe|BatchGet)[A-Za-z]+")
				|| a.equals("kms:Decrypt") || a.equals("inspector2:CreateFindingsReport"),
				"read-only, and the report request");
	}

	@Test
	void theStackSetRoleHasTheMemberPolicyAndTrustsOnlyTheManagementAccount() throws IOException {
		JsonNode template = new ObjectMapper(new YAMLFactory())
			.readTree(Path.of("docs/iam/member-role-stackset.yaml").toFile());
		JsonNode role = template.path("Resources").path("EvidentAuditRole").path("Properties");
		JsonNode inline = role.path("Policies").get(0).path("PolicyDocument");

		assertThat(actions(inline)).isEqualTo(actions(json("docs/iam/member-role-policy.json")));
		assertThat(actions(role.path("AssumeRolePolicyDocument"))).containsExactly("sts:AssumeRole");
	}

	private static JsonNode json(String file) throws IOException {
		return new ObjectMapper().readTree(Path.of(file).toFile());
	}

	private static Set<String> actions(JsonNode policy) {
		Set<String> actions = new TreeSet<>();
		for (JsonNode statement : policy.path("Statement")) {
			JsonNode action = statement.path("Action");
			if (action.isTextual()) {
				actions.add(action.asText());
			}
			action.forEach(a -> actions.add(a.asText()));
		}
		return actions;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> u = new TreeSet<>(a);
		u.addAll(b);
		return u;
	}

}
