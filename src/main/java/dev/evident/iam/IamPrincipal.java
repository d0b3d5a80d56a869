package dev.evident.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user, group or role of one account, with its policies and what they amount to.
 *
 * @param directPermissions a user with attached or inline policies of its own, rather
 * than only through groups
 * @param fullAdmin whether the principal holds full administrative access
 * @param fullAdminVia the policies (and groups) that grant it
 * @param serviceRole a role that only AWS service principals can assume
 * @param humanAssumable a role that accounts, users, roles or federated identities can
 * assume
 */
public record IamPrincipal(String accountId, Type type, String name, String arn, Instant createdAt, List<String> groups,
		List<String> attachedPolicies, Map<String, String> inlinePolicies, String trustPolicy,
		boolean directPermissions, boolean fullAdmin, List<String> fullAdminVia, boolean serviceRole,
		boolean humanAssumable, List<String> trustedPrincipals) {

	/** The kind of principal. */
	public enum Type {

		USER, GROUP, ROLE

	}
}
