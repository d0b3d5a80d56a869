package dev.evident.support;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS operation the SDK sends, as an IAM action
 * ({@code iam:GetCredentialReport}), split by whether it was signed with the base
 * credentials or with assumed-role credentials.
 */
public class RecordingInterceptor implements ExecutionInterceptor {

	/** The access key and the SigV4 signing name, which is the IAM action's prefix. */
	private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/");

	private final String baseAccessKey;

	private final Set<String> base = ConcurrentHashMap.newKeySet();

	private final Set<String> assumed = ConcurrentHashMap.newKeySet();

	public RecordingInterceptor(String baseAccessKey) {
		this.baseAccessKey = baseAccessKey;
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		Matcher credential = context.httpRequest()
			.firstMatchingHeader("Authorization")
			.map(CREDENTIAL::matcher)
			.filter(Matcher::find)
			.orElse(null);
		String key = credential == null ? "" : credential.group(1);
		// the signing name (elasticloadbalancing), not the SDK's service name
		// (elasticloadbalancingv2)
		String prefix = credential == null
				? attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT)
				: credential.group(2);
		String action = prefix + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		(key.equals(baseAccessKey) ? base : assumed).add(action);
	}

	/** Actions called with the management account's own credentials. */
	public Set<String> base() {
		return Set.copyOf(base);
	}

	/** Actions called inside member accounts, with assumed-role credentials. */
	public Set<String> assumed() {
		return Set.copyOf(assumed);
	}

	public void clear() {
		base.clear();
		assumed.clear();
	}

}
