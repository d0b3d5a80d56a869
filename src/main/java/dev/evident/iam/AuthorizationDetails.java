package dev.evident.iam;

import java.util.List;

/** One account's users, groups, roles and managed policies, analysed. */
public record AuthorizationDetails(List<IamPrincipal> principals, List<ManagedPolicy> policies) {

	/** A managed policy with its default version's document. */
	public record ManagedPolicy(String arn, String name, Integer attachmentCount, String document, boolean fullAdmin) {
	}
}
