package dev.evident.control.checks;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.evident.artifact.ArtifactReportStore;
import dev.evident.control.Check;
import dev.evident.control.CheckRegistry;
import dev.evident.control.Control;
import dev.evident.control.ControlCatalog;
import dev.evident.control.ControlCatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in control file loads against every check, and every check is used. */
class BuiltInCatalogTest {

	static final List<Check> ALL = List.of(new IamRootMfaEnabled(null), new IamConsoleUserMfa(null),
			new InspectorFindingSla(null), new ArtifactReportCurrent((ArtifactReportStore) null),
			new IamRootHardwareMfa(null, null), new IamRootNoAccessKeys(null), new IamRootNotUsed(null),
			new IamAccessKeysRotated(null), new IamUnusedCredentialsDisabled(null), new IamSingleActiveKey(null),
			new IamPasswordPolicy(null), new IamPermissionsThroughGroups(null), new IamNoFullAdmin(null),
			new IamServiceRoleTrust(null), new OrgAllFeaturesEnabled(null), new OrgScpAttached(null),
			new OrgNoAccountUnderRoot(null), new OrgDelegatedAdminsRecorded(null), new InspectorEnabled(null),
			new InspectorCoverageGaps(null));

	@Test
	void everyControlLoadsWithValidParametersAndEveryCheckIsUsed() {
		ControlCatalog catalog = new ControlCatalogLoader(new CheckRegistry(ALL).byId()).load(null);

		assertThat(catalog.controls()).extracting(Control::id)
			.contains("root-hardware-mfa", "root-no-access-keys", "root-not-used", "access-keys-rotated",
					"unused-credentials-disabled", "single-active-key", "password-policy", "permissions-through-groups",
					"no-full-admin", "service-roles-trust-services", "org-all-features", "org-scp-on-every-ou",
					"org-no-account-under-root", "org-delegated-admins", "inspector-enabled", "inspector-coverage",
					"infrastructure-iso27001", "cardholder-environment-pci")
			.doesNotHaveDuplicates();
		assertThat(catalog.controls().stream().map(c -> c.check().id()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(new CheckRegistry(ALL).byId().keySet());
		assertThat(catalog.find("password-policy").orElseThrow().check().params()).containsEntry("minimum_length", 14)
			.containsEntry("require_symbols", true);
		assertThat(catalog.find("no-full-admin").orElseThrow().check().params()).containsEntry("break_glass",
				List.of());
	}

	@Test
	void checkIdsAreTheClassNamesInSnakeCase() {
		assertThat(new CheckRegistry(ALL).byId()).containsKeys("iam_root_hardware_mfa", "iam_root_no_access_keys",
				"iam_root_not_used", "iam_access_keys_rotated", "iam_unused_credentials_disabled",
				"iam_single_active_key", "iam_password_policy", "iam_permissions_through_groups", "iam_no_full_admin",
				"iam_service_role_trust", "org_all_features_enabled", "org_scp_attached", "org_no_account_under_root",
				"org_delegated_admins_recorded", "inspector_enabled", "inspector_coverage_gaps");
	}

}
