package dev.evident.control;

import java.util.List;

/**
 * One automated check. A check reads only the evidence store, never AWS. Its id is its
 * class name in snake case ({@code IamRootMfaEnabled} is {@code iam_root_mfa_enabled}):
 * the name in the mappings, in the code and in results.json is one and the same.
 */
public interface Check {

	List<CheckResult> evaluate(CheckContext context);

	/**
	 * The evidence sources this check reads, as the controls' {@code evidence} names them
	 * (an AWS operation such as {@code iam:GetAccountAuthorizationDetails}, or
	 * {@code iam:CredentialReport}, {@code manual}): a control may list only these.
	 */
	List<String> reads();

	/**
	 * The parameters this check reads, with their expected type, for validating mappings.
	 */
	default java.util.Map<String, Class<?>> parameterTypes() {
		return java.util.Map.of();
	}

	default String id() {
		return idOf(getClass());
	}

	static String idOf(Class<?> type) {
		return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

}
