package dev.evident.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.artifact.ArtifactReportStore;
import dev.evident.control.checks.ArtifactReportCurrent;
import dev.evident.control.checks.IamConsoleUserMfa;
import dev.evident.control.checks.IamRootMfaEnabled;
import dev.evident.control.checks.InspectorFindingSla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every built-in mapping loads; a broken file is named with its line and field. */
class ControlCatalogLoaderTest {

	static final List<Check> CHECKS = List.of(new IamRootMfaEnabled(null), new IamConsoleUserMfa(null),
			new InspectorFindingSla(null), new ArtifactReportCurrent((ArtifactReportStore) null));

	ControlCatalogLoader loader = new ControlCatalogLoader(new CheckRegistry(CHECKS).byId());

	@TempDir
	Path dir;

	@Test
	void everyBuiltInControlLoadsAndEveryCheckIsUsed() {
		ControlCatalog catalog = loader.load(null);

		assertThat(catalog.controls()).extracting(Control::id)
			.contains("root-mfa-enabled", "console-user-mfa", "inspector-finding-sla", "physical-security")
			.doesNotHaveDuplicates();
		assertThat(catalog.controls().stream().map(c -> c.check().id()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(new CheckRegistry(CHECKS).byId().keySet());
	}

	@Test
	void checkIdsAreTheClassNamesInSnakeCase() {
		assertThat(new CheckRegistry(CHECKS).byId()).containsOnlyKeys("iam_root_mfa_enabled", "iam_console_user_mfa",
				"inspector_finding_sla", "artifact_report_current");
	}

	@Test
	void anUnknownCheckNamesFileLineAndField() throws Exception {
		Path file = write("controls/my-control.yaml", control("CUSTOMER", "no_such_check", ""));

		assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(file + ":6: check.id: unknown check 'no_such_check'; known checks: ");
	}

	@Test
	void aBadResponsibilityNamesFileLineAndField() throws Exception {
		Path file = write("controls/my-control.yaml", control("CUSTOMERS", "iam_root_mfa_enabled", ""));

		assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(MappingException.class)
			.hasMessage(file + ":4: responsibility: expected one of AWS, CUSTOMER, SHARED, got 'CUSTOMERS'");
	}

	@Test
	void aThresholdOfTheWrongTypeNamesItsField() throws Exception {
		Path file = write("controls/my-control.yaml",
				control("CUSTOMER", "inspector_finding_sla", "  params:\n    sla_days: fifteen\n"));

		assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(MappingException.class)
			.hasMessage(file + ":8: check.params.sla_days: expected a mapping, got 'fifteen'");
	}

	@Test
	void brokenYamlNamesItsLine() throws Exception {
		Path file = write("controls/my-control.yaml", "id: my-control\ntitle: \"unclosed\n");

		assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(file + ":")
			.hasMessageContaining("(yaml): not valid YAML");
	}

	@Test
	void aDuplicateIdIsRefused() throws Exception {
		write("controls/a/my-control.yaml", control("CUSTOMER", "iam_root_mfa_enabled", ""));
		Path second = write("controls/b/my-control.yaml", control("CUSTOMER", "iam_root_mfa_enabled", ""));

		assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(second + ":1: id: duplicate control id my-control");
	}

	@Test
	void aCustomControlOverridesABuiltInOne() throws Exception {
		write("controls/root-mfa-enabled.yaml",
				control("SHARED", "iam_root_mfa_enabled", "").replace("id: my-control", "id: root-mfa-enabled"));

		assertThat(loader.load(dir).find("root-mfa-enabled").orElseThrow().responsibility())
			.isEqualTo(Responsibility.SHARED);
	}

	@Test
	void aTitleGivenAsAListSaysTextWasExpected() throws Exception {
		Path file = write("controls/my-control.yaml",
				control("CUSTOMER", "iam_root_mfa_enabled", "").replace("title: My control", "title: [a, b]"));

		assertThatThrownBy(() -> loader.load(dir)).hasMessage(file + ":2: title: expected text here");
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

	static Map<String, Check> checks() {
		return new CheckRegistry(CHECKS).byId();
	}

}
