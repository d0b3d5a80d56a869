package dev.evident.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.evident.aws.RawSink;
import dev.evident.iam.AuthorizationDetails.ManagedPolicy;
import dev.evident.iam.IamPrincipal.Type;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Reads GetAccountAuthorizationDetails, every page kept raw, and tells for each principal
 * whether it holds permissions directly, whether it has full administrative access (and
 * through what), and for each role whether services or people can assume it.
 */
public class AuthorizationDetailsCollector {

	private final IamClient iam;

	private final RawSink raw;

	public AuthorizationDetailsCollector(IamClient iam, RawSink raw) {
		this.iam = iam;
		this.raw = raw;
	}

	public AuthorizationDetails collect(String accountId) {
		List<UserDetail> users = new ArrayList<>();
		List<GroupDetail> groups = new ArrayList<>();
		List<RoleDetail> roles = new ArrayList<>();
		Map<String, ManagedPolicy> policies = new TreeMap<>();
		int page = 0;
		for (GetAccountAuthorizationDetailsResponse r : iam.getAccountAuthorizationDetailsPaginator(b -> {
		})) {
			raw.json("iam", "GetAccountAuthorizationDetails-" + (++page), "GetAccountAuthorizationDetails", "", r);
			users.addAll(r.userDetailList());
			groups.addAll(r.groupDetailList());
			roles.addAll(r.roleDetailList());
			r.policies().forEach(p -> {
				String document = p.policyVersionList()
					.stream()
					.filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()))
					.findFirst()
					.map(v -> PolicyDocuments.decode(v.document()))
					.orElse(null);
				boolean admin = p.arn().equals(PolicyDocuments.ADMINISTRATOR_ACCESS)
						|| PolicyDocuments.grantsFullAdmin(document);
				policies.put(p.arn(), new ManagedPolicy(p.arn(), p.policyName(), p.attachmentCount(), document, admin));
			});
		}
		Map<String, List<String>> groupAdmin = new LinkedHashMap<>();
		List<IamPrincipal> principals = new ArrayList<>();
		for (GroupDetail g : groups) {
			Map<String, String> inline = inline(g.groupPolicyList());
			List<String> via = adminVia(g.attachedManagedPolicies(), inline, policies);
			groupAdmin.put(g.groupName(), via);
			principals.add(new IamPrincipal(accountId, Type.GROUP, g.groupName(), g.arn(), g.createDate(), List.of(),
					arns(g.attachedManagedPolicies()), inline, null, false, !via.isEmpty(), via, false, false,
					List.of()));
		}
		for (UserDetail u : users) {
			Map<String, String> inline = inline(u.userPolicyList());
			List<String> via = new ArrayList<>(adminVia(u.attachedManagedPolicies(), inline, policies));
			u.groupList()
				.forEach(g -> groupAdmin.getOrDefault(g, List.of()).forEach(p -> via.add("group " + g + ": " + p)));
			boolean direct = !u.attachedManagedPolicies().isEmpty() || !inline.isEmpty();
			principals.add(new IamPrincipal(accountId, Type.USER, u.userName(), u.arn(), u.createDate(), u.groupList(),
					arns(u.attachedManagedPolicies()), inline, null, direct, !via.isEmpty(), via, false, false,
					List.of()));
		}
		for (RoleDetail r : roles) {
			Map<String, String> inline = inline(r.rolePolicyList());
			List<String> via = adminVia(r.attachedManagedPolicies(), inline, policies);
			String trust = PolicyDocuments.decode(r.assumeRolePolicyDocument());
			Set<String> trusted = PolicyDocuments.trustedPrincipals(trust);
			boolean human = trusted.stream().anyMatch(p -> !p.startsWith("Service:"));
			boolean service = !trusted.isEmpty() && !human;
			principals.add(new IamPrincipal(accountId, Type.ROLE, r.roleName(), r.arn(), r.createDate(), List.of(),
					arns(r.attachedManagedPolicies()), inline, trust, false, !via.isEmpty(), via, service, human,
					List.copyOf(trusted)));
		}
		return new AuthorizationDetails(principals, List.copyOf(policies.values()));
	}

	private static Map<String, String> inline(List<PolicyDetail> details) {
		Map<String, String> inline = new TreeMap<>();
		details.forEach(d -> inline.put(d.policyName(), PolicyDocuments.decode(d.policyDocument())));
		return inline;
	}

	private static List<String> arns(List<AttachedPolicy> attached) {
		return attached.stream().map(AttachedPolicy::policyArn).sorted().toList();
	}

	private static List<String> adminVia(List<AttachedPolicy> attached, Map<String, String> inline,
			Map<String, ManagedPolicy> policies) {
		List<String> via = new ArrayList<>();
		for (AttachedPolicy a : attached) {
			ManagedPolicy p = policies.get(a.policyArn());
			if (a.policyArn().equals(PolicyDocuments.ADMINISTRATOR_ACCESS) || (p != null && p.fullAdmin())) {
				via.add(a.policyArn());
			}
		}
		inline.forEach((name, document) -> {
			if (PolicyDocuments.grantsFullAdmin(document)) {
				via.add("inline " + name);
			}
		});
		return via;
	}

}
