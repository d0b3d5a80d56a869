package dev.evident.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every built-in mapping loads; a broken file is named with its line and field. */
class MappingsLoaderTest {

	Map<String, Check> checks = Checks.forValidation().byId();

	MappingsLoader loader = new MappingsLoader(checks);

	@TempDir
	Path dir;

	@Test
	void everyBuiltInMappingLoadsAndEveryCheckIsUsed() {
		ControlCatalog catalog = loader.load(null, List.of());

		assertThat(catalog.controls()).extracting(Control::id)
			.contains("root-mfa-enabled", "console-user-mfa", "inspector-finding-sla", "physical-security",
					"guardduty-enabled")
			.doesNotHaveDuplicates();
		Set<String> used = catalog.controls().stream().map(c -> c.check().id()).collect(Collectors.toSet());
		assertThat(used).containsExactlyInAnyOrderElementsOf(checks.keySet());
		assertThat(catalog.find("password-policy").orElseThrow().check().params()).containsEntry("minimum_length", 14)
			.containsEntry("require_symbols", true);
		assertThat(catalog.find("no-full-admin").orElseThrow().check().params()).containsEntry("break_glass",
				List.of());
	}

	@Test
	void checkIdsAreTheClassNamesInSnakeCase() {
		assertThat(checks).containsKeys("iam_root_mfa_enabled", "iam_console_user_mfa", "inspector_finding_sla",
				"artifact_report_current", "manual_evidence");
		checks.forEach((id, check) -> assertThat(Check.idOf(check.getClass())).isEqualTo(id));
	}

	@Test
	void whichFrameworksUseAControlIsComputedFromTheFrameworks() throws Exception {
		write("frameworks/acme_1.yaml", framework("acme", "A.1", "[root-mfa-enabled, console-user-mfa]"));

		ControlCatalog catalog = loader.load(dir, List.of());

		assertThat(catalog.requirementsByControl().get("root-mfa-enabled")).contains("acme:A.1");
		assertThat(catalog.selecting(List.of("acme")).frameworks()).extracting(Framework::id).containsExactly("acme");
	}

	@Test
	void anUnknownCheckNamesFileLineAndField() throws Exception {
		Path file = write("controls/my-control.yaml", control("CUSTOMER", "no_such_check", ""));

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(file + ":6: check.id: unknown check 'no_such_check'; known checks: ");
	}

	@Test
	void aBadResponsibilityNamesFileLineAndField() throws Exception {
		Path file = write("controls/my-control.yaml", control("CUSTOMERS", "iam_root_mfa_enabled", ""));

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessage(file + ":4: responsibility: expected one of AWS, CUSTOMER, SHARED, got 'CUSTOMERS'");
	}

	@Test
	void aThresholdOfTheWrongTypeNamesItsField() throws Exception {
		Path file = write("controls/my-control.yaml",
				control("CUSTOMER", "inspector_finding_sla", "  params:\n    sla_days: fifteen\n"));

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessage(file + ":8: check.params.sla_days: expected a mapping, got 'fifteen'");
	}

	@Test
	void aMisspelledParameterNamesFileLineAndField() throws Exception {
		Path file = write("controls/my-control.yaml",
				control("CUSTOMER", "iam_access_keys_rotated", "  params:\n    max_age_day: 90\n"));

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessage(file + ":8: check.params.max_age_day: unknown parameter of check iam_access_keys_rotated; "
					+ "its parameters: max_age_days");
	}

	@Test
	void aParameterOfACheckThatTakesNoneIsRefused() throws Exception {
		Path file = write("controls/my-control.yaml",
				control("CUSTOMER", "iam_root_mfa_enabled", "  params:\n    days: 90\n"));

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessage(
					file + ":8: check.params.days: unknown parameter of check iam_root_mfa_enabled, which takes none");
	}

	@Test
	void anUnknownParameterGivenWithSetIsRefused() {
		assertThatThrownBy(() -> loader.load(null, List.of("access-keys-rotated.max_age=30")))
			.hasMessage("--set access-keys-rotated.max_age=30: check.params.max_age: unknown parameter of check "
					+ "iam_access_keys_rotated; its parameters: max_age_days");
	}

	@Test
	void evidenceTheCheckDoesNotReadNamesFileLineAndField() throws Exception {
		Path file = write("controls/my-control.yaml", control("CUSTOMER", "iam_root_mfa_enabled", "")
				+ "evidence:\n  - iam:CredentialReport\n  - guardduty:ListDetectors\n");

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessage(file + ":9: evidence[1]: check iam_root_mfa_enabled does not read 'guardduty:ListDetectors'; "
					+ "it reads: iam:CredentialReport");
	}

	@Test
	void everyBuiltInControlNamesOnlyEvidenceItsCheckReads() {
		for (Control control : loader.load(null, List.of()).controls()) {
			assertThat(checks.get(control.check().id()).reads()).as(control.id()).containsAll(control.evidence());
		}
	}

	@Test
	void brokenYamlNamesItsLine() throws Exception {
		Path file = write("controls/my-control.yaml", "id: my-control\ntitle: \"unclosed\n");

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(file + ":")
			.hasMessageContaining("(yaml): not valid YAML");
	}

	@Test
	void aTitleGivenAsAListSaysTextWasExpected() throws Exception {
		Path file = write("controls/my-control.yaml",
				control("CUSTOMER", "iam_root_mfa_enabled", "").replace("title: My control", "title: [a, b]"));

		assertThatThrownBy(() -> loader.load(dir, List.of())).hasMessage(file + ":2: title: expected text here");
	}

	@Test
	void aDuplicateIdIsRefused() throws Exception {
		write("controls/a/my-control.yaml", control("CUSTOMER", "iam_root_mfa_enabled", ""));
		Path second = write("controls/b/my-control.yaml", control("CUSTOMER", "iam_root_mfa_enabled", ""));

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(second + ":1: id: duplicate control id my-control");
	}

	@Test
	void aDanglingControlIdInAFrameworkNamesTheRequirement() throws Exception {
		Path file = write("frameworks/acme_1.yaml", framework("acme", "A.2", "[root-mfa-enabled, no-such-control]"));

		assertThatThrownBy(() -> loader.load(dir, List.of())).isInstanceOf(MappingException.class)
			.hasMessage(file + ":8: requirements[0].controls: unknown control 'no-such-control' in requirement A.2");
	}

	@Test
	void aDuplicateRequirementIsRefused() throws Exception {
		Path file = write("frameworks/acme_1.yaml",
				framework("acme", "A.1", "[]") + "  - id: A.1\n    name: Again\n    controls: []\n");

		assertThatThrownBy(() -> loader.load(dir, List.of()))
			.hasMessage(file + ":9: requirements[1].id: duplicate requirement id A.1");
	}

	@Test
	void aFrameworkFileNameNeedsItsVersion() throws Exception {
		Path file = write("frameworks/acme.yaml", framework("acme", "A.1", "[]"));

		assertThatThrownBy(() -> loader.load(dir, List.of()))
			.hasMessage(file + ": (file name): expected <framework>_<version>.yaml, for example soc2_2017.yaml");
	}

	@Test
	void aCustomControlOverridesABuiltInOne() throws Exception {
		write("controls/root-mfa-enabled.yaml",
				control("SHARED", "iam_root_mfa_enabled", "").replace("id: my-control", "id: root-mfa-enabled"));

		assertThat(loader.load(dir, List.of()).find("root-mfa-enabled").orElseThrow().responsibility())
			.isEqualTo(Responsibility.SHARED);
	}

	@Test
	void aThresholdCanBeOverriddenForOneRun() {
		ControlCatalog catalog = loader.load(null, List.of("inspector-finding-sla.sla_days.CRITICAL=7"));

		assertThat(catalog.find("inspector-finding-sla").orElseThrow().check().params().get("sla_days"))
			.isEqualTo(Map.of("CRITICAL", 7, "HIGH", 30, "MEDIUM", 90));
	}

	@Test
	void anOverrideOfTheWrongTypeOrAnUnknownControlIsRefused() {
		assertThatThrownBy(() -> loader.load(null, List.of("inspector-finding-sla.sla_days=soon"))).hasMessage(
				"--set inspector-finding-sla.sla_days=soon: check.params.sla_days: expected a mapping, got 'soon'");
		assertThatThrownBy(() -> loader.load(null, List.of("no-such-control.days=3")))
			.hasMessage("--set no-such-control.days=3: (control): unknown control 'no-such-control'");
	}

	private Path write(String name, String text) throws Exception {
		Path file = dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		return file;
	}

	private static String control(String responsibility, String check, String params) {
		return "id: my-control\n" + "title: My control\n" + "objective: Something is true.\n" + "responsibility: "
				+ responsibility + "\n" + "check:\n" + "  id: " + check + "\n" + params;
	}

	private static String framework(String id, String requirement, String controls) {
		return "framework:\n  id: " + id + "\n  name: Acme policy\n  version: \"1\"\nrequirements:\n" + "  - id: "
				+ requirement + "\n    name: A requirement\n    controls: " + controls + "\n";
	}

}
