package dev.evident.simulator.model;

import java.util.List;

/**
 * A service control policy. {@code content} is the policy JSON; {@code targets} are root,
 * OU or account ids.
 */
public record ServiceControlPolicy(String id, String arn, String name, String description, boolean awsManaged,
		String content, List<String> targets) {
}
