package dev.evident.simulator.service;

import dev.evident.simulator.server.CallLog;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.server.FaultHook;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.QueryProtocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.Session;
import dev.evident.simulator.server.SessionStore;
import dev.evident.simulator.server.SimException;
import dev.evident.simulator.server.XmlWriter;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** STS: AssumeRole and GetCallerIdentity. */
public final class StsService implements Service {

	private static final Pattern ROLE_ARN = Pattern
		.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");

	private final Protocol protocol = new QueryProtocol("https://sts.amazonaws.com/doc/2011-06-15/",
			Set.of("AssumeRole", "GetCallerIdentity"), "InternalFailure");

	private final SimulatedOrganization org;

	private final FaultHook faults;

	private final CallLog calls;

	private final SessionStore sessions;

	public StsService(SimulatedOrganization org, FaultHook faults, CallLog calls, SessionStore sessions) {
		this.org = org;
		this.faults = faults;
		this.calls = calls;
		this.sessions = sessions;
	}

	@Override
	public String name() {
		return "sts";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		return switch (call.operation()) {
			case "AssumeRole" -> assumeRole(call);
			case "GetCallerIdentity" -> callerIdentity(call);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	private String assumeRole(Call call) {
		String roleArn = call.param("RoleArn");
		String sessionName = call.param("RoleSessionName");
		String externalId = call.param("ExternalId");
		if (roleArn == null || sessionName == null) {
			throw new SimException("ValidationError", 400, "RoleArn and RoleSessionName are required");
		}
		if (!sessionName.matches("[\\w+=,.@-]{2,64}")) {
			throw new SimException("ValidationError", 400, "Invalid RoleSessionName: " + sessionName);
		}
		Matcher m = ROLE_ARN.matcher(roleArn);
		Optional<Account> target = m.matches() ? org.account(m.group(1)) : Optional.empty();
		boolean granted = target.isPresent() && !target.get().suspended() && !target.get().assumeRoleDenied()
				&& !faults.assumeRoleDenied(target.get().id());
		calls.recordAssumeRole(
				new CallLog.AssumeRoleCall(m.matches() ? m.group(1) : null, roleArn, sessionName, externalId, granted));
		if (!granted) {
			throw new SimException("AccessDenied", 403, "User: " + callerArn(call) + " is not authorized to perform: "
					+ "sts:AssumeRole on resource: " + roleArn);
		}
		int duration = call.param("DurationSeconds") == null ? 3600 : Integer.parseInt(call.param("DurationSeconds"));
		Session s = sessions.issue(target.get().id(), roleArn, sessionName, externalId, call.sequence(), duration);
		return new XmlWriter().start("Credentials")
			.element("AccessKeyId", s.accessKeyId())
			.element("SecretAccessKey", s.secretAccessKey())
			.element("SessionToken", s.sessionToken())
			.time("Expiration", s.expiration())
			.end()
			.start("AssumedRoleUser")
			.element("AssumedRoleId", roleId(s) + ":" + sessionName)
			.element("Arn", assumedArn(s))
			.end()
			.toString();
	}

	private String callerIdentity(Call call) {
		Session s = call.session();
		return new XmlWriter()
			.element("UserId", s == null ? "AIDASIMULATORCOLLECT" : roleId(s) + ":" + s.roleSessionName())
			.element("Account", call.accountId())
			.element("Arn", callerArn(call))
			.toString();
	}

	private String callerArn(Call call) {
		Session s = call.session();
		return s == null ? "arn:aws:iam::" + call.accountId() + ":user/evident-collector" : assumedArn(s);
	}

	private static String assumedArn(Session s) {
		return "arn:aws:sts::" + s.accountId() + ":assumed-role/" + s.roleName() + "/" + s.roleSessionName();
	}

	private static String roleId(Session s) {
		return dev.evident.simulator.data.Ids.of("AROA", s.accountId() + "role" + s.roleName(), 17);
	}

}
