package dev.evident.simulator.service;

import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;
import dev.evident.simulator.server.XmlWriter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The entities of GetAccountAuthorizationDetails and their XML. */
final class AuthorizationDetails {

	/** One entity; {@code kind} is the EntityType filter value it matches. */
	record Entity(String kind, Object value) {
	}

	private AuthorizationDetails() {
	}

	static List<Entity> entities(IamAccount account, Set<String> filter) {
		List<Entity> all = new ArrayList<>();
		account.users().forEach(u -> all.add(new Entity("User", u)));
		account.groups().forEach(g -> all.add(new Entity("Group", g)));
		account.roles().forEach(r -> all.add(new Entity("Role", r)));
		account.policies()
			.forEach(p -> all.add(new Entity(p.awsManaged() ? "AWSManagedPolicy" : "LocalManagedPolicy", p)));
		return filter.isEmpty() ? all : all.stream().filter(e -> filter.contains(e.kind())).toList();
	}

	static void write(XmlWriter xml, List<Entity> page) {
		xml.start("UserDetailList");
		page.stream().filter(e -> e.value() instanceof IamUser).forEach(e -> user(xml, (IamUser) e.value()));
		xml.end().start("GroupDetailList");
		page.stream()
			.filter(e -> e.value() instanceof IamAccount.Group)
			.forEach(e -> group(xml, (IamAccount.Group) e.value()));
		xml.end().start("RoleDetailList");
		page.stream()
			.filter(e -> e.value() instanceof IamAccount.Role)
			.forEach(e -> role(xml, (IamAccount.Role) e.value()));
		xml.end().start("Policies");
		page.stream()
			.filter(e -> e.value() instanceof IamAccount.ManagedPolicy)
			.forEach(e -> policy(xml, (IamAccount.ManagedPolicy) e.value()));
		xml.end();
	}

	private static void user(XmlWriter xml, IamUser u) {
		xml.start("member")
			.element("Path", u.path())
			.element("UserName", u.name())
			.element("UserId", u.userId())
			.element("Arn", u.arn())
			.time("CreateDate", u.created())
			.start("UserPolicyList")
			.end()
			.start("GroupList");
		u.groups().forEach(g -> xml.element("member", g));
		xml.end();
		attached(xml, u.attachedPolicies());
		xml.start("Tags").end().end();
	}

	private static void group(XmlWriter xml, IamAccount.Group g) {
		xml.start("member")
			.element("Path", "/")
			.element("GroupName", g.name())
			.element("GroupId", g.groupId())
			.element("Arn", g.arn())
			.time("CreateDate", g.created())
			.start("GroupPolicyList")
			.end();
		attached(xml, g.attachedPolicies());
		xml.end();
	}

	private static void role(XmlWriter xml, IamAccount.Role r) {
		xml.start("member")
			.element("Path", "/")
			.element("RoleName", r.name())
			.element("RoleId", r.roleId())
			.element("Arn", r.arn())
			.time("CreateDate", r.created())
			.element("AssumeRolePolicyDocument", urlEncode(r.trustPolicy()))
			.start("InstanceProfileList")
			.end()
			.start("RolePolicyList")
			.end();
		attached(xml, r.attachedPolicies());
		xml.start("Tags").end().start("RoleLastUsed");
		if (r.lastUsed() != null) {
			xml.time("LastUsedDate", r.lastUsed()).element("Region", "us-east-1");
		}
		xml.end().end();
	}

	private static void policy(XmlWriter xml, IamAccount.ManagedPolicy p) {
		xml.start("member")
			.element("PolicyName", p.name())
			.element("PolicyId", p.policyId())
			.element("Arn", p.arn())
			.element("Path", "/")
			.element("DefaultVersionId", "v1")
			.element("AttachmentCount", p.attachmentCount())
			.element("PermissionsBoundaryUsageCount", 0)
			.element("IsAttachable", true)
			.element("Description", p.description())
			.time("CreateDate", p.created())
			.time("UpdateDate", p.created())
			.start("PolicyVersionList")
			.start("member")
			.element("Document", urlEncode(p.document()))
			.element("VersionId", "v1")
			.element("IsDefaultVersion", true)
			.time("CreateDate", p.created())
			.end()
			.end()
			.end();
	}

	private static void attached(XmlWriter xml, List<String> arns) {
		xml.start("AttachedManagedPolicies");
		for (String arn : arns) {
			xml.start("member")
				.element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
				.element("PolicyArn", arn)
				.end();
		}
		xml.end();
	}

	/** IAM returns policy documents URL-encoded (RFC 3986). */
	static String urlEncode(String document) {
		return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
