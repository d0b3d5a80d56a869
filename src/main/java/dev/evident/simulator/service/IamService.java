package dev.evident.simulator.service;

import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.server.FaultHook;
import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.QueryProtocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;
import dev.evident.simulator.server.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * IAM: credential report, account summary, password policy, MFA devices, aliases,
 * authorization details.
 */
public final class IamService implements Service {

	private final Protocol protocol = new QueryProtocol("https://iam.amazonaws.com/doc/2010-05-08/",
			Set.of("GenerateCredentialReport", "GetCredentialReport", "GetAccountSummary", "GetAccountPasswordPolicy",
					"ListVirtualMFADevices", "ListAccountAliases", "GetAccountAuthorizationDetails"),
			"ServiceFailure");

	private final SimulatedOrganization org;

	private final FaultHook faults;

	private final Supplier<Instant> clock;

	private final Map<String, Instant> reports = new ConcurrentHashMap<>();

	public IamService(SimulatedOrganization org, FaultHook faults, Supplier<Instant> clock) {
		this.org = org;
		this.faults = faults;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "iam";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		IamAccount account = org.iam(call.accountId());
		return switch (call.operation()) {
			case "GenerateCredentialReport" -> generate(call.accountId());
			case "GetCredentialReport" -> credentialReport(account);
			case "GetAccountSummary" -> AccountSummary.xml(account);
			case "GetAccountPasswordPolicy" -> passwordPolicy(account);
			case "ListVirtualMFADevices" -> mfaDevices(call, account);
			case "ListAccountAliases" -> aliases(call, account);
			case "GetAccountAuthorizationDetails" -> authorizationDetails(call, account);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private String generate(String accountId) {
		boolean started = reports.putIfAbsent(accountId, clock.get()) == null;
		return new XmlWriter().element("State", started ? "STARTED" : "COMPLETE")
			.element("Description", started ? "No report exists. Starting a new report generation task" : null)
			.toString();
	}

	private String credentialReport(IamAccount account) {
		Instant generated = reports.get(account.accountId());
		if (generated == null) {
			throw new SimException("ReportNotPresent", 410, "Credential report not present for account "
					+ account.accountId() + ". Use GenerateCredentialReport to generate a report.");
		}
		if (faults.credentialReportStillInProgress(account.accountId())) {
			throw new SimException("ReportInProgress", 404, "Credential report generation is in progress.");
		}
		String csv = CredentialReport.csv(account);
		return new XmlWriter()
			.element("Content", Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)))
			.element("ReportFormat", "text/csv")
			.time("GeneratedTime", generated)
			.toString();
	}

	private String passwordPolicy(IamAccount account) {
		IamAccount.PasswordPolicy p = account.passwordPolicy();
		if (p == null) {
			throw new SimException("NoSuchEntity", 404,
					"The Password Policy with domain name " + account.accountId() + " cannot be found.");
		}
		return new XmlWriter().start("PasswordPolicy")
			.element("MinimumPasswordLength", p.minimumPasswordLength())
			.element("RequireSymbols", p.requireSymbols())
			.element("RequireNumbers", p.requireNumbers())
			.element("RequireUppercaseCharacters", p.requireUppercaseCharacters())
			.element("RequireLowercaseCharacters", p.requireLowercaseCharacters())
			.element("AllowUsersToChangePassword", p.allowUsersToChangePassword())
			.element("ExpirePasswords", p.maxPasswordAge() != null)
			.element("MaxPasswordAge", p.maxPasswordAge())
			.element("PasswordReusePrevention", p.passwordReusePrevention())
			.element("HardExpiry", p.hardExpiry())
			.end()
			.toString();
	}

	private String mfaDevices(Call call, IamAccount account) {
		List<Object> devices = new java.util.ArrayList<>();
		if ("VIRTUAL".equals(account.root().mfa())) {
			devices.add(account.root());
		}
		account.users().stream().filter(IamUser::mfaActive).forEach(devices::add);
		if ("Unassigned".equals(call.param("AssignmentStatus"))) {
			devices.clear();
		}
		var page = page(call, devices);
		XmlWriter xml = new XmlWriter().start("VirtualMFADevices");
		for (Object device : page.items()) {
			xml.start("member");
			if (device instanceof IamUser u) {
				xml.element("SerialNumber", u.mfaSerial())
					.start("User")
					.element("Path", u.path())
					.element("UserName", u.name())
					.element("UserId", u.userId())
					.element("Arn", u.arn())
					.time("CreateDate", u.created())
					.time("PasswordLastUsed", u.passwordLastUsed())
					.end()
					.time("EnableDate", u.created().plusSeconds(3600));
			}
			else {
				IamAccount.Root r = (IamAccount.Root) device;
				xml.element("SerialNumber", "arn:aws:iam::" + account.accountId() + ":mfa/root-account-mfa-device")
					.start("User")
					.element("UserId", account.accountId())
					.element("Arn", "arn:aws:iam::" + account.accountId() + ":root")
					.time("CreateDate", r.created())
					.time("PasswordLastUsed", r.passwordLastUsed())
					.end()
					.time("EnableDate", r.created().plusSeconds(7200));
			}
			xml.end();
		}
		return truncation(xml.end(), page).toString();
	}

	private String aliases(Call call, IamAccount account) {
		var page = page(call, account.aliases());
		XmlWriter xml = new XmlWriter().start("AccountAliases");
		page.items().forEach(a -> xml.element("member", a));
		return truncation(xml.end(), page).toString();
	}

	private String authorizationDetails(Call call, IamAccount account) {
		Set<String> filter = new LinkedHashSet<>();
		for (int i = 1; call.param("Filter.member." + i) != null; i++) {
			filter.add(call.param("Filter.member." + i));
		}
		var page = page(call, AuthorizationDetails.entities(account, filter));
		XmlWriter xml = new XmlWriter();
		AuthorizationDetails.write(xml, page.items());
		return truncation(xml, page).toString();
	}

	private <T> Pagination.Page<T> page(Call call, List<T> items) {
		String max = call.param("MaxItems");
		Integer maxItems;
		try {
			maxItems = max == null ? null : Integer.valueOf(max);
		}
		catch (NumberFormatException e) {
			throw protocol.invalidInput("MaxItems must be a number");
		}
		return Pagination.page(items, call.param("Marker"), maxItems, 100, 1000, protocol);
	}

	private static XmlWriter truncation(XmlWriter xml, Pagination.Page<?> page) {
		return xml.element("IsTruncated", page.truncated()).element("Marker", page.nextToken());
	}

}
