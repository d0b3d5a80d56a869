package dev.evident.control.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evident.control.CheckContext;
import dev.evident.control.CheckResult;
import dev.evident.iam.CredentialColumn;
import dev.evident.iam.CredentialReportRow;
import dev.evident.iam.CredentialReportStore;
import dev.evident.organizations.OrganizationSnapshot.Account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The root user's MFA is a hardware device: it has MFA (credential report) and no virtual
 * MFA device is assigned to it (ListVirtualMFADevices). Parameter {@code required}:
 * whether a virtual device fails or only passes with a recommendation.
 */
@Component
public class IamRootHardwareMfa extends CredentialReportCheck {

	@Override
	public List<String> reads() {
		return List.of("iam:CredentialReport", "iam:ListVirtualMFADevices");
	}

	static final String SETTINGS = "iam:AccountSettings";

	private final JdbcTemplate jdbc;

	public IamRootHardwareMfa(CredentialReportStore reports, JdbcTemplate jdbc) {
		super(reports);
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Class<?>> parameterTypes() {
		return Map.of("required", Boolean.class);
	}

	@Override
	List<CheckResult> evaluate(CheckContext ctx, Account account, List<CredentialReportRow> rows, List<String> report) {
		String id = account.id();
		Integer settings = jdbc.queryForObject(
				"SELECT COUNT(*) FROM ev_password_policy WHERE run_id = ? AND account_id = ?", Integer.class,
				ctx.runId(), id);
		if (ctx.hasGap(id, SETTINGS) || settings == null || settings == 0) {
			return List.of(CheckResult.noEvidence(id, "account " + id, "The MFA devices of account " + id
					+ " could not be collected (see evidence gaps), so the root user's MFA type is unknown."));
		}
		CredentialReportRow root = CheckSupport.root(rows);
		if (root == null) {
			return List.of(CheckSupport.noRootRow(id));
		}
		String resource = root.get(CredentialColumn.ARN).text();
		List<String> evidence = new ArrayList<>(report);
		evidence.addAll(CheckSupport.evidence(jdbc, ctx.runId(), id, "iam:ListVirtualMFADevices",
				"raw/" + id + "/iam/ListVirtualMFADevices-1.json"));
		if (!root.get(CredentialColumn.MFA_ACTIVE).isTrue()) {
			return List
				.of(CheckResult.fail(id, resource, "The root user of account " + id + " has no MFA device.", evidence));
		}
		List<String> virtual = jdbc.queryForList(
				"SELECT serial_number FROM ev_mfa_device WHERE run_id = ? AND account_id = ? AND user_arn LIKE ? "
						+ "ORDER BY serial_number",
				String.class, ctx.runId(), id, "%:root");
		if (virtual.isEmpty()) {
			return List.of(CheckResult.pass(id, resource,
					"The root user of account " + id
							+ " has MFA enabled and no virtual MFA device, so its device is a hardware one.",
					evidence));
		}
		String device = "The root user of account " + id + " uses a virtual MFA device (" + virtual.get(0) + ")";
		if (CheckSupport.booleanParameter(ctx, "required")) {
			return List.of(CheckResult.fail(id, resource,
					device + " where the control's parameters require a hardware device.", evidence));
		}
		return List.of(CheckResult.pass(id, resource,
				device + "; a hardware device is recommended but not required by the control's parameters.", evidence));
	}

}
