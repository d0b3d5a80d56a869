package dev.evident.simulator.data;

import dev.evident.simulator.model.FindingSource;
import dev.evident.simulator.model.CoveredResource;
import dev.evident.simulator.model.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The findings of a data file, all in memory, in data file order. Views are filtered once
 * and kept, so that a page costs the same at any offset.
 */
public final class MaterializedFindings implements FindingSource {

	private final List<Finding> findings;

	private final Map<String, List<Finding>> views = new ConcurrentHashMap<>();

	private final Map<String, List<CoveredResource>> coverage = new ConcurrentHashMap<>();

	public MaterializedFindings(List<Finding> findings) {
		this.findings = List.copyOf(findings);
	}

	@Override
	public List<String> regions() {
		return findings.stream().map(Finding::region).distinct().sorted().toList();
	}

	@Override
	public List<Finding> all() {
		return findings;
	}

	@Override
	public List<Finding> view(String region, String accountId) {
		return views.computeIfAbsent(region + "/" + (accountId == null ? "*" : accountId),
				k -> findings.stream()
					.filter(f -> f.region().equals(region))
					.filter(f -> accountId == null || f.awsAccountId().equals(accountId))
					.toList());
	}

	@Override
	public List<Finding> ofAccount(String accountId) {
		return findings.stream().filter(f -> f.awsAccountId().equals(accountId)).toList();
	}

	@Override
	public long count(String region, String accountId, String severity, String status) {
		return findings.stream()
			.filter(f -> region == null || f.region().equals(region))
			.filter(f -> accountId == null || f.awsAccountId().equals(accountId))
			.filter(f -> severity == null || f.severity().equals(severity))
			.filter(f -> status == null || f.status().equals(status))
			.count();
	}

	/**
	 * Every resource that carries a finding is covered, once per scan type, in the order
	 * of the first finding on it; scanned when that finding was last observed.
	 */
	@Override
	public List<CoveredResource> coverage(String region, String accountId) {
		List<CoveredResource> all = coverage.computeIfAbsent(region, r -> {
			Map<String, CoveredResource> resources = new LinkedHashMap<>();
			for (Finding f : view(r, null)) {
				String scanType = scanType(f.type());
				resources.putIfAbsent(f.awsAccountId() + "|" + f.resourceId() + "|" + scanType, new CoveredResource(
						f.awsAccountId(), r, f.resourceType(), f.resourceId(), scanType, f.lastObservedAt()));
			}
			return List.copyOf(resources.values());
		});
		return accountId == null ? all : all.stream().filter(c -> Objects.equals(c.accountId(), accountId)).toList();
	}

	static String scanType(String findingType) {
		return switch (findingType) {
			case "NETWORK_REACHABILITY" -> "NETWORK";
			case "CODE_VULNERABILITY" -> "CODE";
			default -> "PACKAGE";
		};
	}

	@Override
	public boolean generated() {
		return false;
	}

}
