package dev.evident.simulator.data;

import dev.evident.simulator.data.FindingsSpec.VulnerabilitySpec;
import dev.evident.simulator.model.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Expands the compact {@code findings:} section into individual findings,
 * deterministically.
 */
final class FindingGenerator {

	static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED");
	static final List<String> STATUSES = List.of("ACTIVE", "SUPPRESSED", "CLOSED");

	private static final int[] PORTS = { 22, 3389, 5432, 443, 8080 };

	private static final String[][] CWES = { { "CWE-89", "SQL injection" }, { "CWE-79", "Cross-site scripting" },
			{ "CWE-798", "Hardcoded credentials" }, { "CWE-22", "Path traversal" } };

	private final FindingsSpec spec;

	private final Instant ref;

	FindingGenerator(FindingsSpec spec, Instant ref) {
		this.spec = spec;
		this.ref = ref;
	}

	List<Finding> generate() {
		List<Finding> out = new ArrayList<>();
		for (var group : spec.generated()) {
			String scope = group.account() + "/" + group.region();
			Random rnd = new Random(spec.seed() ^ scope.hashCode());
			ResourcePool pool = new ResourcePool(group.account(), group.region(), rnd);
			int index = 0;
			for (String severity : SEVERITIES) {
				List<Integer> counts = group.counts().getOrDefault(severity, List.of());
				for (int s = 0; s < STATUSES.size() && s < counts.size(); s++) {
					for (int n = 0; n < counts.get(s); n++, index++) {
						String type = index % 12 == 11 ? "NETWORK_REACHABILITY"
								: index % 12 == 7 ? "CODE_VULNERABILITY" : "PACKAGE_VULNERABILITY";
						int ageDays = 1 + rnd.nextInt(365);
						out.add(finding(group.account(), group.region(), type, severity, STATUSES.get(s), ageDays, null,
								null, scope + "#" + index, rnd, pool));
					}
				}
			}
		}
		int explicitIndex = 0;
		for (var e : spec.explicit()) {
			String scope = e.account() + "/" + e.region();
			Random rnd = new Random(spec.seed() ^ (scope + "explicit" + explicitIndex).hashCode());
			Finding f = finding(e.account(), e.region(), e.type() == null ? "PACKAGE_VULNERABILITY" : e.type(),
					e.severity(), e.status(), e.ageDays(), e.vulnerability(), e.title(),
					scope + "#explicit" + explicitIndex++, rnd, new ResourcePool(e.account(), e.region(), rnd));
			if (e.description() != null) {
				f = new Finding(f.findingArn(), f.awsAccountId(), f.region(), f.type(), f.severity(), f.status(),
						f.title(), e.description(), f.firstObservedAt(), f.lastObservedAt(), f.updatedAt(),
						f.inspectorScore(), f.resourceType(), f.resourceId(), f.vulnerability(), f.exploitAvailable(),
						f.fixAvailable(), f.openPort(), f.cweId());
			}
			out.add(f);
		}
		return out;
	}

	private Finding finding(String account, String region, String type, String severity, String status, int ageDays,
			String vulnerabilityId, String title, String salt, Random rnd, ResourcePool pool) {
		Instant first = Ids.daysAgo(ref, ageDays, salt);
		Instant last = switch (status) {
			case "CLOSED" -> first.plusSeconds((long) (rnd.nextDouble() * Duration.between(first, ref).toSeconds()));
			case "SUPPRESSED" -> Ids.daysAgo(ref, Math.min(ageDays, rnd.nextInt(8)), salt + "last");
			default -> Ids.daysAgo(ref, Math.min(ageDays, rnd.nextInt(2)), salt + "last");
		};
		if (last.isBefore(first)) {
			last = first;
		}
		String arn = "arn:aws:inspector2:" + region + ":" + account + ":finding/" + Ids.hex(spec.seed() + salt, 32);
		return switch (type) {
			case "NETWORK_REACHABILITY" -> {
				int port = PORTS[rnd.nextInt(PORTS.length)];
				ResourcePool.Resource r = pool.ec2(rnd);
				yield new Finding(arn, account, region, type, severity, status,
						title != null ? title : "Port " + port + " is reachable from an Internet Gateway - TCP",
						"On the instance " + r.id() + ", the port range " + port + " to " + port
								+ " is reachable from the internet through an Internet Gateway.",
						first, last, last, score(severity), r.type(), r.id(), null, false, null, port, null);
			}
			case "CODE_VULNERABILITY" -> {
				String[] cwe = CWES[rnd.nextInt(CWES.length)];
				ResourcePool.Resource r = pool.lambda(rnd);
				yield new Finding(arn, account, region, type, severity, status,
						title != null ? title : cwe[0] + " - " + cwe[1],
						"The function code contains a potential " + cwe[1].toLowerCase() + " weakness (" + cwe[0]
								+ ").",
						first, last, last, score(severity), r.type(), r.id(), null, false, "NO", null,
						title != null && title.startsWith("CWE-") ? title.substring(0, title.indexOf(' ')) : cwe[0]);
			}
			default -> {
				VulnerabilitySpec v = vulnerability(severity, vulnerabilityId, rnd);
				ResourcePool.Resource r = pool.any(rnd);
				var vuln = new Finding.Vulnerability(v.id(), v.packageName(), v.version(), v.fixedIn(),
						v.manager() == null ? "OS" : v.manager(), v.score(), v.vector());
				yield new Finding(arn, account, region, type, severity, status,
						title != null ? title : v.id() + " - " + v.packageName(),
						"A vulnerability was found in " + v.packageName() + " " + v.version() + " (" + v.id() + ").",
						first, last, last, "UNTRIAGED".equals(severity) ? 0.0 : v.score(), r.type(), r.id(), vuln,
						v.exploit(), v.fixedIn() == null ? "NO" : "YES", null, null);
			}
		};
	}

	private VulnerabilitySpec vulnerability(String severity, String id, Random rnd) {
		if (spec.catalog().isEmpty()) {
			throw new IllegalArgumentException("findings.catalog must list at least one vulnerability");
		}
		if (id != null) {
			return spec.catalog()
				.stream()
				.filter(v -> v.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("vulnerability not in catalog: " + id));
		}
		List<VulnerabilitySpec> matching = spec.catalog().stream().filter(v -> severity.equals(v.severity())).toList();
		List<VulnerabilitySpec> from = matching.isEmpty() ? spec.catalog() : matching;
		return from.get(rnd.nextInt(from.size()));
	}

	private static double score(String severity) {
		return switch (severity) {
			case "CRITICAL" -> 9.8;
			case "HIGH" -> 7.5;
			case "MEDIUM" -> 5.3;
			case "LOW" -> 3.1;
			default -> 0.0;
		};
	}

}
