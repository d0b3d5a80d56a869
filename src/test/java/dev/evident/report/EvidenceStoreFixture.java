package dev.evident.report;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.FindingRow;
import dev.evident.inspector.FindingShortlist;
import dev.evident.inspector.FindingStore;
import dev.evident.network.AccountRegions;
import dev.evident.network.NetworkStore;
import dev.evident.network.RegionNetwork;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real H2 in-memory evidence store, migrated by Flyway, with a small but awkward
 * organization: Unicode, emoji and Arabic names, markup and formula-looking text, a gap,
 * every control status.
 */
public final class EvidenceStoreFixture {

	public static final String RUN_ID = "run-2025Q3-0001";

	public static final String PERIOD = "2025-Q3";

	public static final OffsetDateTime AS_OF = OffsetDateTime.of(2025, 9, 30, 23, 59, 59, 0, ZoneOffset.UTC);

	public static final String ORG_ID = "o-abc123def4";

	public static final String MGMT = "111111111111";

	public static final String UNICODE_ACCOUNT = "222222222222";

	public static final String UNICODE_NAME = "研究開発 Ünïcødé";

	public static final String MARKUP_ACCOUNT = "333333333333";

	public static final String MARKUP_NAME = "Prod <b>bold</b> & \"quoted\"";

	public static final String EMOJI_ACCOUNT = "444444444444";

	public static final String EMOJI_NAME = "حساب الإنتاج 😀🚀 sandbox";

	public static final String SCRIPT_TITLE = "<script>alert(1)</script> & \"q\"";

	public static final String FORMULA = "=HYPERLINK(\"x\")";

	/**
	 * Characters XML 1.0 forbids (NUL, SOH, BEL, VT): must neither break the XHTML nor
	 * the xlsx.
	 */
	public static final String CONTROL_CHARS_REASON = "Reviewed by\u0001 bell\u0007 vt\u000B nul\u0000 end";

	public static final String GAP_MESSAGE = "User is not authorized to perform: inspector2:ListFindings";

	public static final List<String> ACCOUNTS = List.of(MGMT, UNICODE_ACCOUNT, MARKUP_ACCOUNT, EMOJI_ACCOUNT);

	/** A console user without MFA whose access key is older than the threshold. */
	public static final String NO_MFA_USER = "Zoë O'Brien <ops>";

	/**
	 * The key-age threshold the access-keys-rotated results state (the control file's
	 * default is 90).
	 */
	public static final int KEY_AGE_DAYS = 45;

	/** A requirement name with accents, quotes and CJK. */
	public static final String REQUIREMENT_NAME = "Contrôle d'accès « privilégié » 研究";

	public static final String INSPECTOR_FOLDER = "raw/" + "222222222222" + "/inspector2/us-east-1/";

	public static final String[] SEVERITIES = { "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED" };

	public final DataSource dataSource;

	public final JdbcTemplate jdbc;

	private EvidenceStoreFixture(DataSource ds) {
		this.dataSource = ds;
		this.jdbc = new JdbcTemplate(ds);
	}

	/** An empty, migrated store. */
	public static EvidenceStoreFixture emptyStore() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:evident-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		ds.setUser("sa");
		Flyway.configure().dataSource(ds).load().migrate();
		return new EvidenceStoreFixture(ds);
	}

	/** A migrated store holding one run with {@code findings} Inspector findings. */
	public static EvidenceStoreFixture withRun(int findings) {
		EvidenceStoreFixture f = emptyStore();
		f.insertRun(findings);
		return f;
	}

	static Timestamp ts(OffsetDateTime t) {
		return Timestamp.from(t.toInstant());
	}

	private void insertRun(int findings) {
		jdbc.update(
				"INSERT INTO ev_run (run_id, period, as_of, source, started_at, org_id, management_account_id, "
						+ "caller_account_id) VALUES (?,?,?,?,?,?,?,?)",
				RUN_ID, PERIOD, AS_OF, "LIVE", AS_OF.plusHours(2), ORG_ID, MGMT, MGMT);
		jdbc.update("INSERT INTO ev_organization VALUES (?,?,?,?,?,?,?,?)", RUN_ID, ORG_ID,
				"arn:aws:organizations::" + MGMT + ":organization/" + ORG_ID, "ALL", MGMT, "root@example.com", "r-ab12",
				true);
		jdbc.update("INSERT INTO ev_org_unit VALUES (?,?,?,?,?)", RUN_ID, "ou-ab12-prod", "Production", "r-ab12",
				"/Root/Production");
		jdbc.update("INSERT INTO ev_org_unit VALUES (?,?,?,?,?)", RUN_ID, "ou-ab12-rd", "研究開発", "r-ab12", "/Root/研究開発");
		jdbc.update("INSERT INTO ev_org_unit VALUES (?,?,?,?,?)", RUN_ID, "ou-ab12-lab", "Lab", "ou-ab12-rd",
				"/Root/研究開発/Lab");
		account(MGMT, "Management", "r-ab12", "/Root", true);
		account(UNICODE_ACCOUNT, UNICODE_NAME, "ou-ab12-rd", "/Root/研究開発", false);
		account(MARKUP_ACCOUNT, MARKUP_NAME, "ou-ab12-prod", "/Root/Production", false);
		account(EMOJI_ACCOUNT, EMOJI_NAME, "ou-ab12-lab", "/Root/研究開発/Lab", false);

		jdbc.update("INSERT INTO ev_policy VALUES (?,?,?,?,?,?,?)", RUN_ID, "p-FullAWSAccess", "FullAWSAccess",
				"SERVICE_CONTROL_POLICY", true, "Allows access to every operation", "{\"Version\":\"2012-10-17\"}");
		jdbc.update("INSERT INTO ev_policy VALUES (?,?,?,?,?,?,?)", RUN_ID, "p-deny1234", "DenyLeaveOrganization",
				"SERVICE_CONTROL_POLICY", false, "Deny organizations:LeaveOrganization",
				"{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\"}]}");
		jdbc.update("INSERT INTO ev_policy_target VALUES (?,?,?,?,?)", RUN_ID, "p-FullAWSAccess", "r-ab12", "ROOT",
				"Root");
		jdbc.update("INSERT INTO ev_policy_target VALUES (?,?,?,?,?)", RUN_ID, "p-deny1234", "ou-ab12-prod",
				"ORGANIZATIONAL_UNIT", "Production");
		jdbc.update("INSERT INTO ev_policy_target VALUES (?,?,?,?,?)", RUN_ID, "p-deny1234", UNICODE_ACCOUNT, "ACCOUNT",
				UNICODE_NAME);

		credentialRow(MGMT, "<root_account>", "2019-01-02T03:04:05+00:00", "not_supported", "true");
		credentialRow(UNICODE_ACCOUNT, "ci-deployer", "2021-06-01T10:00:00+00:00", "false", "false");
		credentialRow(MARKUP_ACCOUNT, FORMULA, "2022-02-02T02:02:02+00:00", "true", "true");
		credentialRow(UNICODE_ACCOUNT, "<root_account>", "2019-01-02T03:04:05+00:00", "not_supported", "true");
		credentialRow(UNICODE_ACCOUNT, NO_MFA_USER, "2023-03-03T03:03:03+00:00", "true", "false");
		iamSettings();
		inspectorCoverage();

		insertFindings(findings);
		network();

		jdbc.update("INSERT INTO ev_artifact_report VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", RUN_ID, "report-soc2",
				"SOC 2 Type II Report", "SOC 2", "Certifications and Attestations", 3L, "PUBLISHED",
				ts(AS_OF.minusMonths(12)), ts(AS_OF.minusMonths(3)), "artifact/report-soc2.pdf", "a".repeat(64),
				123456L);
		jdbc.update("INSERT INTO ev_artifact_report VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", RUN_ID, "report-iso",
				"ISO 27001 Certificate", "ISO", "Certifications and Attestations", 1L, "PUBLISHED",
				ts(AS_OF.minusMonths(6)), ts(AS_OF.plusMonths(6)), "artifact/report-iso.pdf", "b".repeat(64), 654L);

		for (int i = 0; i < 3; i++) {
			jdbc.update("INSERT INTO ev_evidence_file VALUES (?,?,?,?,?,?,?,?,?)", RUN_ID,
					"raw/" + ACCOUNTS.get(i) + "/iam/credential-report.csv", String.format("%064x", i + 1), 1000L + i,
					"iam:GetCredentialReport", "{}", "us-east-1", ACCOUNTS.get(i), ts(AS_OF.minusMinutes(5)));
		}

		for (int i = 1; i <= 2; i++) {
			jdbc.update("INSERT INTO ev_evidence_file VALUES (?,?,?,?,?,?,?,?,?)", RUN_ID,
					INSPECTOR_FOLDER + "ListFindings-" + i + ".json", String.format("%064x", 100 + i), 5000L + i,
					"inspector2:ListFindings", "{}", "us-east-1", UNICODE_ACCOUNT, ts(AS_OF.minusMinutes(3)));
		}

		jdbc.update("INSERT INTO ev_gap VALUES (?,?,?,?,?,?)", RUN_ID, EMOJI_ACCOUNT, "inspector2",
				"AccessDeniedException", GAP_MESSAGE, ts(AS_OF.plusMinutes(1)));

		// controls: 2 AWS PASS, 1 CUSTOMER FAIL, 1 CUSTOMER MANUAL, 1 SHARED NO_EVIDENCE,
		// 1 SHARED NOT_APPLICABLE, 1 SHARED PASS
		control("AWS-1", "Physical security of data centres", "AWS", "artifact.soc2", "PASS");
		control("AWS-2", "Hypervisor isolation", "AWS", "artifact.iso", "PASS");
		control("IAM-1", "Root account has MFA", "CUSTOMER", "iam.root-mfa", "FAIL");
		control("IAM-2", "Access reviews performed", "CUSTOMER", "manual", "MANUAL");
		control("VULN-1", "Critical vulnerabilities remediated", "SHARED", "inspector.critical", "NO_EVIDENCE");
		control("NET-1", "Legacy VPN disabled", "SHARED", "ec2_admin_ports_closed", "NOT_APPLICABLE");
		control("ORG-1", "Leaving the organization is denied", "SHARED", "org.scp-deny-leave", "PASS");
		control("access-keys-rotated", "Access keys rotated", "CUSTOMER", "iam_access_keys_rotated", "FAIL");
		result("IAM-1", MGMT, "arn:aws:iam::111111111111:root", "FAIL", "Root user has no MFA device",
				"raw/" + MGMT + "/iam/credential-report.csv");
		result("IAM-1", UNICODE_ACCOUNT, "arn:aws:iam::222222222222:root", "PASS", "MFA active",
				"raw/" + UNICODE_ACCOUNT + "/iam/credential-report.csv");
		result("IAM-1", MARKUP_ACCOUNT, "arn:aws:iam::333333333333:root", "PASS", FORMULA,
				"raw/" + MARKUP_ACCOUNT + "/iam/credential-report.csv\nraw/" + MGMT + "/iam/credential-report.csv");
		result("VULN-1", EMOJI_ACCOUNT, "inspector2", "NO_EVIDENCE",
				"Inspector could not be read: AccessDeniedException");
		result("VULN-1", UNICODE_ACCOUNT, "inspector2", "PASS", "No critical findings older than 30 days",
				INSPECTOR_FOLDER);
		result("access-keys-rotated", UNICODE_ACCOUNT, "arn:aws:iam::222222222222:user/ci-deployer", "FAIL",
				"User ci-deployer has not rotated access key 1 (60 days old) within " + KEY_AGE_DAYS
						+ " days before 2025-09-30.",
				"raw/" + UNICODE_ACCOUNT + "/iam/credential-report.csv");
		frameworks();
		result("IAM-2", UNICODE_ACCOUNT, "process:access-review", "MANUAL", CONTROL_CHARS_REASON);
		result("ORG-1", MGMT, "p-deny1234", "PASS", "SCP attached to Production");
		// a failed network check's result lists in the network section, with its rule
		result("NET-1", UNICODE_ACCOUNT, "sg-0e2", "FAIL",
				"Security group sg-0e2 (legacy-ssh) in eu-west-1 of account 222222222222 allows inbound tcp 22 from ::/0 (port 22).");
	}

	/**
	 * Two regions of the Unicode account: one with a VPC without flow logs, a default
	 * group with the rules AWS creates, SSH open on IPv6 only and a NACL that allows
	 * everything; one the account does not use.
	 */
	private void network() {
		NetworkStore network = new NetworkStore(jdbc);
		network.replace(RUN_ID, UNICODE_ACCOUNT, new RegionNetwork("eu-west-1",
				List.of(new RegionNetwork.Vpc("vpc-0a1", "10.1.0.0/16", false, "研究"),
						new RegionNetwork.Vpc("vpc-0b2", "10.2.0.0/16", true, null)),
				List.of(new RegionNetwork.FlowLog("fl-01", "vpc-0b2", "ACTIVE", "SUCCESS", "ALL", "s3",
						"arn:aws:s3:::flow-logs")),
				List.of(new RegionNetwork.SecurityGroup("sg-0d1", "default", "vpc-0a1", "default VPC security group",
						List.of(new RegionNetwork.Rule(false, "-1", null, null, "sg-0d1"),
								new RegionNetwork.Rule(true, "-1", null, null, "0.0.0.0/0"))),
						new RegionNetwork.SecurityGroup("sg-0e2", "legacy-ssh", "vpc-0a1", FORMULA,
								List.of(new RegionNetwork.Rule(false, "tcp", 22, 22, "::/0"))),
						new RegionNetwork.SecurityGroup("sg-0f3", "default", "vpc-0b2", "default VPC security group",
								List.of())),
				List.of(new RegionNetwork.NetworkAcl("acl-0a1", "vpc-0a1", true,
						List.of(new RegionNetwork.Entry(100, false, "-1", "allow", "0.0.0.0/0", null, null),
								new RegionNetwork.Entry(32767, false, "-1", "deny", "0.0.0.0/0", null, null),
								new RegionNetwork.Entry(100, true, "-1", "allow", "0.0.0.0/0", null, null))))));
		network.region(RUN_ID, UNICODE_ACCOUNT, "eu-west-1", "opt-in-not-required", AccountRegions.Status.COLLECTED,
				null);
		network.region(RUN_ID, UNICODE_ACCOUNT, "ap-east-1", "not-opted-in", AccountRegions.Status.NOT_ENABLED,
				"not enabled for the account (not-opted-in)");
	}

	private void account(String id, String name, String parent, String path, boolean management) {
		jdbc.update("INSERT INTO ev_account VALUES (?,?,?,?,?,?,?,?,?,?,?)", RUN_ID, id, name,
				"aws+" + id + "@example.com", "ACTIVE", management ? "CREATED" : "INVITED",
				ts(OffsetDateTime.of(2020, 1, 15, 8, 30, 0, 0, ZoneOffset.UTC)), parent, path, management, true);
	}

	private void credentialRow(String account, String user, String created, String passwordEnabled, String mfa) {
		jdbc.update("INSERT INTO ev_credential_report_row VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
				RUN_ID, account, user, "arn:aws:iam::" + account + ":user/" + user, created, passwordEnabled,
				"no_information", "N/A", "N/A", mfa, "true", "2025-08-01T00:00:00+00:00", "2025-09-29T12:00:00+00:00",
				"us-east-1", "sts", "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A");
	}

	private void control(String id, String title, String responsibility, String check, String status) {
		jdbc.update("INSERT INTO ev_control VALUES (?,?,?,?,?,?,?,?,?)", RUN_ID, id, title, "Objective of " + title,
				responsibility, check, status, "Remediation of " + title,
				"https://docs.example.com/" + id + "\nhttps://docs.example.com/" + id + "/more");
	}

	private void result(String control, String account, String resource, String status, String reason) {
		result(control, account, resource, status, reason, "raw/" + account + "/x.json");
	}

	private void result(String control, String account, String resource, String status, String reason, String refs) {
		jdbc.update("INSERT INTO ev_control_result VALUES (?,?,?,?,?,?,?)", RUN_ID, control, account, resource, status,
				reason, refs);
	}

	/**
	 * SOC 2: 1 PASS, 1 FAIL, 1 MANUAL, 1 NO_EVIDENCE (4); ISO 27001: 2 PASS, 1 FAIL (3).
	 */
	private void frameworks() {
		jdbc.update("INSERT INTO ev_framework VALUES (?,?,?,?,?)", RUN_ID, "iso27001", "ISO/IEC 27001", "2022",
				"https://www.iso.org/standard/27001");
		jdbc.update("INSERT INTO ev_framework VALUES (?,?,?,?,?)", RUN_ID, "soc2", "SOC 2", "2017",
				"AICPA Trust Services Criteria");
		requirement("soc2", "CC6.1", 0, "Logical access security", "PASS", "AWS-1,ORG-1");
		requirement("soc2", "CC6.2", 1, "User registration and authorization", "FAIL", "IAM-1");
		requirement("soc2", "CC6.3", 2, "Access reviews", "MANUAL", "IAM-2");
		requirement("soc2", "CC7.1", 3, "Vulnerability detection", "NO_EVIDENCE", "VULN-1");
		requirement("iso27001", "A.5.15", 0, REQUIREMENT_NAME, "PASS", "ORG-1");
		requirement("iso27001", "A.8.2", 1, "Privileged access rights", "PASS", "AWS-2");
		requirement("iso27001", "A.8.5", 2, "Secure authentication", "FAIL", "IAM-1,access-keys-rotated");
	}

	private void requirement(String fw, String id, int position, String name, String status, String controls) {
		jdbc.update("INSERT INTO ev_framework_requirement VALUES (?,?,?,?,?,?,?)", RUN_ID, fw, id, position, name,
				status, controls);
	}

	/**
	 * Root MFA: MGMT hardware (settings collected, no virtual device), UNICODE virtual,
	 * MARKUP none (account summary only), EMOJI unknown.
	 */
	private void iamSettings() {
		for (String account : List.of(MGMT, UNICODE_ACCOUNT)) {
			jdbc.update("INSERT INTO ev_password_policy (run_id, account_id, present, minimum_length) VALUES (?,?,?,?)",
					RUN_ID, account, true, 14);
		}
		jdbc.update("INSERT INTO ev_mfa_device VALUES (?,?,?,?,?)", RUN_ID, UNICODE_ACCOUNT,
				"arn:aws:iam::222222222222:mfa/root-account-mfa-device", "arn:aws:iam::222222222222:root",
				ts(AS_OF.minusYears(1)));
		jdbc.update("INSERT INTO ev_account_summary VALUES (?,?,?,?)", RUN_ID, MARKUP_ACCOUNT, "AccountMFAEnabled", 0L);
		jdbc.update("INSERT INTO ev_account_summary VALUES (?,?,?,?)", RUN_ID, MARKUP_ACCOUNT,
				"AccountAccessKeysPresent", 0L);
	}

	/**
	 * MGMT us-east-1: enabled, 3 resources, 1 not actively scanned; EMOJI us-east-1:
	 * access denied; UNICODE eu-west-1: coverage without a status row.
	 */
	private void inspectorCoverage() {
		jdbc.update("INSERT INTO ev_inspector_account VALUES (?,?,?,?,?,?,?,?,?)", RUN_ID, MGMT, "us-east-1", "ENABLED",
				"ENABLED", "ENABLED", "DISABLED", "DISABLED", null);
		jdbc.update("INSERT INTO ev_inspector_account VALUES (?,?,?,?,?,?,?,?,?)", RUN_ID, EMOJI_ACCOUNT, "us-east-1",
				"UNKNOWN", null, null, null, null, "ACCESS_DENIED");
		coverage(MGMT, "us-east-1", "i-0001", "ACTIVE");
		coverage(MGMT, "us-east-1", "i-0002", "ACTIVE");
		coverage(MGMT, "us-east-1", "i-0003", "INACTIVE");
		coverage(UNICODE_ACCOUNT, "eu-west-1", "i-0004", "ACTIVE");
	}

	private void coverage(String account, String region, String resource, String status) {
		jdbc.update("INSERT INTO ev_inspector_coverage VALUES (?,?,?,?,?,?,?,?,?)", RUN_ID, account, region, resource,
				"AWS_EC2_INSTANCE", "PACKAGE", status, status.equals("ACTIVE") ? null : "NO_INVENTORY",
				ts(AS_OF.minusHours(3)));
	}

	/**
	 * {@code n} findings: finding i is in account {@code ACCOUNTS[i % 4]}, severity
	 * {@code SEVERITIES[i % 6]}, ACTIVE unless {@code i % 10 == 9} (CLOSED). Finding 0
	 * carries {@link #SCRIPT_TITLE}, finding 1 {@link #FORMULA}.
	 */
	private void insertFindings(int n) {
		// stored as the tool stores them, shortlisting the report's candidates
		FindingStore store = new FindingStore(jdbc, SqlDialect.H2, new FindingShortlist());
		List<FindingRow> batch = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String account = ACCOUNTS.get(i % ACCOUNTS.size());
			String title = i == 0 ? SCRIPT_TITLE : i == 1 ? FORMULA : "CVE-2024-" + (1000 + i) + " - openssl";
			batch.add(new FindingRow("arn:aws:inspector2:us-east-1:" + account + ":finding/" + String.format("%08d", i),
					account, "us-east-1", SEVERITIES[i % SEVERITIES.length], i % 10 == 9 ? "CLOSED" : "ACTIVE",
					"PACKAGE_VULNERABILITY", title, "CVE-2024-" + (1000 + i), "AWS_EC2_INSTANCE",
					"i-" + String.format("%017x", i), i == 0 ? 9.8 : (i % 100) / 10.0, "YES", "NO",
					AS_OF.minusDays(i % 90).toInstant(), AS_OF.minusDays(1).toInstant(),
					AS_OF.minusHours(1).toInstant()));
			if (batch.size() == 500) {
				store.upsert(RUN_ID, batch);
				batch.clear();
			}
		}
		store.upsert(RUN_ID, batch);
	}

}
