package dev.evident.control.checks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import dev.evident.control.CheckContext;
import dev.evident.evidence.Gaps;
import dev.evident.evidence.SqlDialect;
import dev.evident.edge.EdgeStore;
import dev.evident.edge.EntryPoints;
import dev.evident.network.AccountRegions;
import dev.evident.network.NetworkStore;
import dev.evident.network.RegionNetwork;
import dev.evident.organizations.OrganizationSnapshot.Account;
import dev.evident.run.Period;

import org.springframework.jdbc.core.JdbcTemplate;

/** A migrated in-memory store and helpers to put evidence in it, for check tests. */
final class CheckFixture {

	static final String RUN = "check-test";

	static final Instant AS_OF = Instant.parse("2026-10-15T00:00:00Z");

	static final String MANAGEMENT = "111111111111";

	final JdbcTemplate jdbc;

	final Gaps gaps;

	CheckFixture() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(ds).load().migrate();
		jdbc = new JdbcTemplate(ds);
		gaps = new Gaps(jdbc, SqlDialect.H2);
	}

	static Account active(String id) {
		return new Account(id, "Account " + id, null, "ACTIVE", "CREATED", null, "r-1", "/r-1", false, true);
	}

	static Account suspended(String id) {
		return new Account(id, "Account " + id, null, "SUSPENDED", "CREATED", null, "r-1", "/r-1", false, true);
	}

	CheckContext context(Map<String, Object> parameters, Account... accounts) {
		return new CheckContext(RUN, AS_OF, Period.parse("2026-Q3"), MANAGEMENT, List.of(accounts), gaps, parameters);
	}

	/** A credential report row; cells not given are N/A. */
	void user(String account, String user, boolean passwordEnabled, boolean mfa) {
		String arn = "<root_account>".equals(user) ? "arn:aws:iam::" + account + ":root"
				: "arn:aws:iam::" + account + ":user/" + user;
		jdbc.update(
				"INSERT INTO ev_credential_report_row (run_id, account_id, user_name, arn, password_enabled, "
						+ "mfa_active, user_creation_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
				RUN, account, user, arn,
				"<root_account>".equals(user) ? "not_supported" : Boolean.toString(passwordEnabled),
				Boolean.toString(mfa), "2024-01-01T00:00:00Z");
	}

	static Account under(String id, String parent, boolean management) {
		return new Account(id, "Account " + id, null, "ACTIVE", "CREATED", null, parent, "/r-ab12", management, true);
	}

	/** AS_OF minus whole days, as a credential report cell. */
	static String daysAgo(int days) {
		return AS_OF.minusSeconds(days * 86400L).toString();
	}

	/**
	 * A credential report row with the given cells, as column/value pairs; others are
	 * N/A.
	 */
	void row(String account, String user, String... cells) {
		String arn = "<root_account>".equals(user) ? "arn:aws:iam::" + account + ":root"
				: "arn:aws:iam::" + account + ":user/" + user;
		StringBuilder columns = new StringBuilder("run_id, account_id, user_name, arn, user_creation_time");
		StringBuilder marks = new StringBuilder("?, ?, ?, ?, ?");
		List<Object> args = new java.util.ArrayList<>(List.of(RUN, account, user, arn, "2024-01-01T00:00:00Z"));
		for (int i = 0; i < cells.length; i += 2) {
			columns.append(", ").append(cells[i]);
			marks.append(", ?");
			args.add(cells[i + 1]);
		}
		jdbc.update("INSERT INTO ev_credential_report_row (" + columns + ") VALUES (" + marks + ")", args.toArray());
	}

	void mfaDevice(String account, String serial, String userArn) {
		jdbc.update("INSERT INTO ev_mfa_device (run_id, account_id, serial_number, user_arn) VALUES (?, ?, ?, ?)", RUN,
				account, serial, userArn);
	}

	/** A password policy row; present = false (no policy) when minimumLength is null. */
	void passwordPolicy(String account, Integer minimumLength, boolean classes, Integer maxAge, Integer reuse) {
		jdbc.update(
				"INSERT INTO ev_password_policy (run_id, account_id, present, minimum_length, require_symbols, "
						+ "require_numbers, require_uppercase, require_lowercase, expire_passwords, max_age_days, "
						+ "reuse_prevention) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				RUN, account, minimumLength != null, minimumLength, classes, classes, classes, classes, maxAge != null,
				maxAge, reuse);
	}

	/**
	 * An IAM principal; attached is a JSON array, inline a JSON object, via and trusted
	 * newline lists.
	 */
	void principal(String account, String type, String name, String attached, String inline, boolean fullAdmin,
			String via, String trusted) {
		String arn = "arn:aws:iam::" + account + ":" + type.toLowerCase(java.util.Locale.ROOT) + "/" + name;
		jdbc.update("INSERT INTO ev_iam_principal (run_id, account_id, type, name, arn, attached_policies, "
				+ "inline_policies, direct_permissions, full_admin, full_admin_via, service_role, human_assumable, "
				+ "trusted_principals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?)", RUN, account, type,
				name, arn, attached, inline, "USER".equals(type) && (attached != null || inline != null), fullAdmin,
				via, trusted);
	}

	void organization(String featureSet, boolean scpEnabled) {
		jdbc.update("INSERT INTO ev_organization (run_id, org_id, arn, feature_set, management_account_id, root_id, "
				+ "scp_enabled) VALUES (?, 'o-test', 'arn:aws:organizations::111111111111:organization/o-test', ?, ?, "
				+ "'r-ab12', ?)", RUN, featureSet, MANAGEMENT, scpEnabled);
	}

	void ou(String id, String name, String parent, String path) {
		jdbc.update("INSERT INTO ev_org_unit (run_id, ou_id, name, parent_id, path) VALUES (?, ?, ?, ?, ?)", RUN, id,
				name, parent, path);
	}

	void scp(String policyId, String name, String... targets) {
		jdbc.update(
				"INSERT INTO ev_policy (run_id, policy_id, name, type, aws_managed) "
						+ "VALUES (?, ?, ?, 'SERVICE_CONTROL_POLICY', ?)",
				RUN, policyId, name, policyId.equals("p-FullAWSAccess"));
		for (String t : targets) {
			jdbc.update("INSERT INTO ev_policy_target (run_id, policy_id, target_id, target_type) VALUES (?, ?, ?, ?)",
					RUN, policyId, t,
					t.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : t.startsWith("r-") ? "ROOT" : "ACCOUNT");
		}
	}

	void delegatedAdmin(String account, String service, String name) {
		jdbc.update(
				"INSERT INTO ev_delegated_admin (run_id, account_id, service_principal, name, delegated_at) "
						+ "VALUES (?, ?, ?, ?, ?)",
				RUN, account, service, name, AS_OF.minusSeconds(400 * 86400L).atOffset(ZoneOffset.UTC));
	}

	void inspectorAccount(String account, String region, String state, String ec2, String ecr, String lambda) {
		jdbc.update("INSERT INTO ev_inspector_account (run_id, account_id, region, state, ec2, ecr, lambda) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)", RUN, account, region, state, ec2, ecr, lambda);
	}

	void coverage(String account, String region, String resourceId, String type, String status, String reason) {
		jdbc.update(
				"INSERT INTO ev_inspector_coverage (run_id, account_id, region, resource_id, resource_type, "
						+ "scan_status, status_reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
				RUN, account, region, resourceId, type, status, reason);
	}

	void gap(String account, String source) {
		gaps.record(RUN, account, source, "AccessDenied", "denied in a test");
	}

	void finding(String arn, String account, String severity, String status, int ageDays) {
		jdbc.update(
				"INSERT INTO ev_finding (run_id, finding_arn, account_id, region, severity, status, type, title, "
						+ "first_observed_at) VALUES (?, ?, ?, 'us-east-1', ?, ?, 'PACKAGE_VULNERABILITY', 't', ?)",
				RUN, arn, account, severity, status, AS_OF.minusSeconds(ageDays * 86400L).atOffset(ZoneOffset.UTC));
	}

	void artifactReport(String id, String name, String series, Instant start, Instant end) {
		jdbc.update(
				"INSERT INTO ev_artifact_report (run_id, report_id, name, series, version, state, period_start, "
						+ "period_end, document_path, document_sha256) VALUES (?, ?, ?, ?, 3, 'PUBLISHED', ?, ?, ?, ?)",
				RUN, id, name, series, start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC),
				"raw/" + MANAGEMENT + "/artifact/" + id + "-v3.pdf", "ab".repeat(32));
	}

	/** A collected region of an account, stored as the network collector stores it. */
	void network(String account, RegionNetwork network) {
		NetworkStore store = new NetworkStore(jdbc);
		store.replace(RUN, account, network);
		store.region(RUN, account, network.region(), "opt-in-not-required", AccountRegions.Status.COLLECTED, null);
	}

	/** A region of an account that ended otherwise: NOT_ENABLED or GAP. */
	void region(String account, String region, AccountRegions.Status status, String note) {
		new NetworkStore(jdbc).region(RUN, account, region, "not-opted-in", status, note);
	}

	void evidenceFile(String account, String region, String operation, String path) {
		jdbc.update(
				"INSERT INTO ev_evidence_file (run_id, path, sha256, size_bytes, operation, region, account_id, "
						+ "collected_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
				RUN, path, "ab".repeat(32), operation, region, account, AS_OF.atOffset(ZoneOffset.UTC));
	}

	EdgeStore edge() {
		return new EdgeStore(jdbc);
	}

	/** An application load balancer with the given scheme, attributes and listeners. */
	static EntryPoints.LoadBalancer alb(String name, String scheme, Boolean dropInvalid, String desync,
			Boolean accessLogs, EntryPoints.Listener... listeners) {
		return new EntryPoints.LoadBalancer(
				"arn:aws:elasticloadbalancing:us-east-1:555555555555:loadbalancer/app/" + name + "/1", name,
				"application", scheme, "vpc-1", name + ".elb.amazonaws.com", dropInvalid, desync, accessLogs,
				accessLogs != null && accessLogs ? "logs-bucket" : null,
				java.util.Arrays.stream(listeners)
					.map(l -> new EntryPoints.Listener(name + "/" + l.arn(), l.port(), l.protocol(), l.sslPolicy(),
							l.defaultAction(), l.redirectsTo()))
					.toList());
	}

	static EntryPoints.Listener https() {
		return new EntryPoints.Listener("arn:l/443", 443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", "forward",
				null);
	}

	static EntryPoints.Listener httpRedirect() {
		return new EntryPoints.Listener("arn:l/80r", 80, "HTTP", null, "redirect", "HTTPS");
	}

	static EntryPoints.Listener httpForward() {
		return new EntryPoints.Listener("arn:l/80", 80, "HTTP", null, "forward", null);
	}

	static EntryPoints.WebAcl acl(String name, String scope, int rules, int rateBased, boolean logging,
			String... resources) {
		return new EntryPoints.WebAcl(
				"arn:aws:wafv2:us-east-1:555555555555:" + scope.toLowerCase() + "/webacl/" + name + "/1", name + "-id",
				name, scope, rules, rateBased, List.of(), "ALLOW", List.of(resources),
				logging ? List.of("arn:aws:logs:us-east-1:555555555555:log-group:aws-waf-logs-" + name) : List.of());
	}

}
