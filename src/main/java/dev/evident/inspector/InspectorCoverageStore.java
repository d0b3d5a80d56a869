package dev.evident.inspector;

import java.util.List;

import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import software.amazon.awssdk.services.inspector2.model.AccountState;
import software.amazon.awssdk.services.inspector2.model.CoveredResource;
import software.amazon.awssdk.services.inspector2.model.FailedAccount;
import software.amazon.awssdk.services.inspector2.model.State;

/**
 * What Inspector scans (coverage) and where it is enabled (account status), per run and
 * region.
 */
@Repository
public class InspectorCoverageStore {

	private final JdbcTemplate jdbc;

	private final String upsertCoverage;

	private final String upsertAccount;

	public InspectorCoverageStore(JdbcTemplate jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.upsertCoverage = dialect.upsert("ev_inspector_coverage", List.of("run_id", "region", "resource_id"),
				"run_id", "account_id", "region", "resource_id", "resource_type", "scan_type", "scan_status",
				"status_reason", "last_scanned_at");
		this.upsertAccount = dialect.upsert("ev_inspector_account", List.of("run_id", "account_id", "region"), "run_id",
				"account_id", "region", "state", "ec2", "ecr", "lambda", "lambda_code", "error_code");
	}

	public void coverage(String runId, String region, List<CoveredResource> resources) {
		jdbc.batchUpdate(upsertCoverage,
				resources.stream()
					.map(r -> new Object[] { runId, r.accountId(), region, r.resourceId(), r.resourceTypeAsString(),
							r.scanTypeAsString(), r.scanStatus() == null ? null : r.scanStatus().statusCodeAsString(),
							r.scanStatus() == null ? null : r.scanStatus().reasonAsString(),
							Timestamps.utc(r.lastScannedAt()) })
					.toList());
	}

	public void accounts(String runId, String region, List<AccountState> states, List<FailedAccount> failed) {
		jdbc.batchUpdate(upsertAccount, states.stream().map(a -> {
			var rs = a.resourceState();
			return new Object[] { runId, a.accountId(), region, status(a.state()), rs == null ? null : status(rs.ec2()),
					rs == null ? null : status(rs.ecr()), rs == null ? null : status(rs.lambda()),
					rs == null ? null : status(rs.lambdaCode()),
					a.state() == null ? null : a.state().errorCodeAsString() };
		}).toList());
		jdbc.batchUpdate(upsertAccount,
				failed.stream()
					.map(f -> new Object[] { runId, f.accountId(), region, "FAILED: " + f.statusAsString(), null, null,
							null, null, f.errorCodeAsString() })
					.toList());
	}

	private static String status(State state) {
		return state == null ? null : state.statusAsString();
	}

}
