package dev.evident.simulator.synthetic;

import dev.evident.simulator.model.FindingSource;
import dev.evident.simulator.model.CoveredResource;
import dev.evident.simulator.model.Finding;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The findings of a synthetic organization, generated on demand: only the layout is held
 * (per account and region: how many findings of each severity and status, and how many
 * resources), never the findings.
 *
 * <p>
 * Finding {@code k} of a group (one account in one region) is produced from
 * {@code (seed, account, region, k)} with its own {@link Random}, so any page is produced
 * without producing the ones before it, and the same seed gives the same ARNs and
 * contents on every start. Its severity and status come from a fixed permutation of the
 * group's per-cell counts, so counts are arithmetic.
 */
public final class SyntheticFindings implements FindingSource {

	static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED");

	static final List<String> STATUSES = List.of("ACTIVE", "SUPPRESSED", "CLOSED");

	private static final double[] SEVERITY_SHARE = { 0.03, 0.17, 0.42, 0.25, 0.09, 0.04 };

	private static final double[] STATUS_SHARE = { 0.6, 0.1, 0.3 };

	private static final int[] PORTS = { 22, 3389, 5432, 443, 8080, 3306, 6379 };

	private static final String[][] CWES = { { "CWE-89", "SQL injection" }, { "CWE-79", "Cross-site scripting" },
			{ "CWE-798", "Hardcoded credentials" }, { "CWE-22", "Path traversal" },
			{ "CWE-502", "Deserialization of untrusted data" }, { "CWE-327", "Broken cryptographic algorithm" } };

	private static final String[] REPOSITORIES = { "payments-api", "web-frontend", "batch-worker", "auth-service",
			"catalog", "search-indexer", "notifications", "ledger" };

	private static final String[] FUNCTIONS = { "invoice-render", "thumbnail-resize", "audit-export", "order-events",
			"nightly-cleanup", "webhook-relay" };

	/**
	 * One account in one region: {@code cells[c]} is the number of findings before cell
	 * {@code c} (severity-major, then status) in permuted order.
	 */
	private record Group(String accountId, String region, int count, long salt, int[] cells, long multiplier,
			long shift, int ec2, int ecr, int lambda) {

		int resources() {
			return ec2 + ecr + lambda;
		}

		/**
		 * Coverage entries: EC2 (package, network), ECR (package), Lambda (package,
		 * code).
		 */
		int covered() {
			return 2 * ec2 + ecr + 2 * lambda;
		}

		/** The cell of finding {@code k}, and its index within the cell. */
		long position(int k) {
			return (k * multiplier + shift) % count;
		}

		long cellCount(int cell) {
			return cells[cell + 1] - cells[cell];
		}

	}

	private final long seed;

	private final Instant reference;

	private final List<String> regions;

	private final List<Group> groups = new ArrayList<>();

	private final Map<String, Group> byKey = new HashMap<>();

	private final Map<String, List<Group>> byRegion = new LinkedHashMap<>();

	private final Map<String, List<Group>> byAccount = new HashMap<>();

	private final VulnerabilityCatalog catalog;

	private final List<Finding> all;

	private final Map<String, List<Finding>> regionViews = new HashMap<>();

	/**
	 * Spreads {@code total} findings over {@code accountIds} (unevenly, by a seeded
	 * weight) and {@code regions}.
	 */
	public SyntheticFindings(long seed, Instant reference, List<String> accountIds, List<String> regions, long total) {
		this.seed = seed;
		this.reference = reference.truncatedTo(ChronoUnit.SECONDS);
		this.regions = regions.stream().sorted().toList();
		this.catalog = new VulnerabilityCatalog(seed, 400);
		long[] perAccount = spread(total, accountIds);
		for (String region : this.regions) {
			List<Group> inRegion = new ArrayList<>();
			for (int a = 0; a < accountIds.size(); a++) {
				int r = this.regions.indexOf(region);
				long n = perAccount[a] / this.regions.size() + (r < perAccount[a] % this.regions.size() ? 1 : 0);
				if (n > 0) {
					Group g = group(accountIds.get(a), region, (int) n);
					inRegion.add(g);
					groups.add(g);
					byKey.put(region + "/" + g.accountId(), g);
					byAccount.computeIfAbsent(g.accountId(), k -> new ArrayList<>()).add(g);
				}
			}
			byRegion.put(region, List.copyOf(inRegion));
			regionViews.put(region, concat(inRegion));
		}
		this.all = concat(groups);
	}

	/** Uneven, deterministic shares: a log-normal weight per account. */
	private long[] spread(long total, List<String> accountIds) {
		double[] weights = new double[accountIds.size()];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			Random rnd = new Random(Mix.mix(seed ^ Mix.hash("weight" + accountIds.get(i))));
			weights[i] = Math.exp(rnd.nextGaussian() * 0.9);
			sum += weights[i];
		}
		long[] counts = new long[weights.length];
		long assigned = 0;
		for (int i = 0; i < weights.length; i++) {
			counts[i] = (long) Math.floor(total * weights[i] / sum);
			assigned += counts[i];
		}
		for (int i = 0; assigned < total; i = (i + 1) % counts.length) {
			counts[i]++;
			assigned++;
		}
		return counts;
	}

	private Group group(String account, String region, int n) {
		long salt = Mix.mix(seed ^ Mix.hash(account + "/" + region));
		Random rnd = new Random(salt);
		double[] shares = new double[SEVERITY_SHARE.length * STATUS_SHARE.length];
		double sum = 0;
		for (int s = 0; s < SEVERITY_SHARE.length; s++) {
			double severity = SEVERITY_SHARE[s] * (0.6 + 0.8 * rnd.nextDouble());
			for (int t = 0; t < STATUS_SHARE.length; t++) {
				shares[s * 3 + t] = severity * STATUS_SHARE[t] * (0.7 + 0.6 * rnd.nextDouble());
				sum += shares[s * 3 + t];
			}
		}
		int[] cells = new int[shares.length + 1];
		double cumulative = 0;
		for (int c = 0; c < shares.length; c++) {
			cumulative += shares[c];
			cells[c + 1] = c == shares.length - 1 ? n : (int) Math.round(n * cumulative / sum);
		}
		long multiplier = 1 + Math.floorMod(Mix.mix(salt ^ 0x51L), Math.max(1, n));
		while (gcd(multiplier, n) != 1) {
			multiplier++;
		}
		long shift = Math.floorMod(Mix.mix(salt ^ 0x52L), n);
		return new Group(account, region, n, salt, cells, multiplier, shift, clamp(n / 100, 2, 300),
				clamp(n / 250, 1, 100), clamp(n / 400, 1, 60));
	}

	private static long gcd(long a, long b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	@Override
	public List<String> regions() {
		return byRegion.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
	}

	@Override
	public List<Finding> all() {
		return all;
	}

	@Override
	public List<Finding> view(String region, String accountId) {
		if (accountId == null) {
			return regionViews.getOrDefault(region, List.of());
		}
		Group g = byKey.get(region + "/" + accountId);
		return g == null ? List.of() : concat(List.of(g));
	}

	@Override
	public List<Finding> ofAccount(String accountId) {
		return concat(byAccount.getOrDefault(accountId, List.of()));
	}

	@Override
	public long count(String region, String accountId, String severity, String status) {
		long n = 0;
		for (Group g : groups) {
			if ((region == null || region.equals(g.region()))
					&& (accountId == null || accountId.equals(g.accountId()))) {
				for (int c = 0; c < g.cells().length - 1; c++) {
					if ((severity == null || severity.equals(SEVERITIES.get(c / 3)))
							&& (status == null || status.equals(STATUSES.get(c % 3)))) {
						n += g.cellCount(c);
					}
				}
			}
		}
		return n;
	}

	/** The number of findings of one type, computed like {@link #count}. */
	public long countByType(String type) {
		long n = 0;
		for (Group g : groups) {
			for (int c = 0; c < g.cells().length - 1; c++) {
				long m = g.cellCount(c);
				long network = m / 12;
				long code = m / 12 + (m % 12 > 7 ? 1 : 0);
				n += switch (type) {
					case "NETWORK_REACHABILITY" -> network;
					case "CODE_VULNERABILITY" -> code;
					default -> m - network - code;
				};
			}
		}
		return n;
	}

	/**
	 * Every resource of the account's pool is covered: EC2 instances for package and
	 * network scans, images for package scans, functions for package and code scans.
	 */
	@Override
	public List<CoveredResource> coverage(String region, String accountId) {
		List<Group> selected;
		if (accountId == null) {
			selected = byRegion.getOrDefault(region, List.of());
		}
		else {
			Group g = byKey.get(region + "/" + accountId);
			selected = g == null ? List.of() : List.of(g);
		}
		return concat(selected, Group::covered, this::covered);
	}

	@Override
	public boolean generated() {
		return true;
	}

	/** Finding {@code k} of the group. */
	private Finding finding(Group g, int k) {
		long position = g.position(k);
		int cell = Arrays.binarySearch(g.cells(), (int) position);
		cell = cell >= 0 ? cell : -cell - 2;
		while (g.cells()[cell + 1] <= position) {
			cell++;
		}
		long indexInCell = position - g.cells()[cell];
		String severity = SEVERITIES.get(cell / 3);
		String status = STATUSES.get(cell % 3);
		String type = indexInCell % 12 == 11 ? "NETWORK_REACHABILITY"
				: indexInCell % 12 == 7 ? "CODE_VULNERABILITY" : "PACKAGE_VULNERABILITY";
		long id = Mix.mix(g.salt() + k);
		String arn = "arn:aws:inspector2:" + g.region() + ":" + g.accountId() + ":finding/" + Mix.hex16(id)
				+ Mix.hex16(Mix.mix(id ^ 0x3c6ef372fe94f82bL));
		Random rnd = new Random(Mix.mix(id ^ seed));
		int ageDays = 1 + rnd.nextInt("ACTIVE".equals(status) ? 365 : 720);
		Instant first = reference.minus(Duration.ofDays(ageDays)).minusSeconds(rnd.nextInt(36_000));
		Instant last = switch (status) {
			case "CLOSED" ->
				first.plusSeconds((long) (rnd.nextDouble() * Duration.between(first, reference).toSeconds()));
			case "SUPPRESSED" ->
				reference.minus(Duration.ofDays(Math.min(ageDays, rnd.nextInt(8)))).minusSeconds(rnd.nextInt(36_000));
			default ->
				reference.minus(Duration.ofDays(Math.min(ageDays, rnd.nextInt(2)))).minusSeconds(rnd.nextInt(36_000));
		};
		if (last.isBefore(first)) {
			last = first;
		}
		return switch (type) {
			case "NETWORK_REACHABILITY" -> {
				int port = PORTS[rnd.nextInt(PORTS.length)];
				String instance = ec2(g, rnd.nextInt(g.ec2()));
				yield new Finding(arn, g.accountId(), g.region(), type, severity, status,
						"Port " + port + " is reachable from an Internet Gateway - TCP",
						"On the instance " + instance + ", the port range " + port + " to " + port
								+ " is reachable from the internet through an Internet Gateway attached to the VPC.",
						first, last, last, score(severity), "AWS_EC2_INSTANCE", instance, null, false, null, port,
						null);
			}
			case "CODE_VULNERABILITY" -> {
				String[] cwe = CWES[rnd.nextInt(CWES.length)];
				String function = lambda(g, rnd.nextInt(g.lambda()));
				yield new Finding(arn, g.accountId(), g.region(), type, severity, status, cwe[0] + " - " + cwe[1],
						"The function code contains a potential " + cwe[1].toLowerCase() + " weakness (" + cwe[0]
								+ ") reachable from the handler's input.",
						first, last, last, score(severity), "AWS_LAMBDA_FUNCTION", function, null, false, "NO", null,
						cwe[0]);
			}
			default -> {
				VulnerabilityCatalog.Entry e = catalog.pick(severity, rnd);
				Finding.Vulnerability v = e.vulnerability();
				int r = rnd.nextInt(g.resources());
				String resourceType = r < g.ec2() ? "AWS_EC2_INSTANCE"
						: r < g.ec2() + g.ecr() ? "AWS_ECR_CONTAINER_IMAGE" : "AWS_LAMBDA_FUNCTION";
				String resource = resource(g, r);
				yield new Finding(arn, g.accountId(), g.region(), type, severity, status,
						v.id() + " - " + v.packageName(), e.description(), first, last, last,
						"UNTRIAGED".equals(severity) ? 0.0 : v.cvssScore(), resourceType, resource, v, e.exploit(),
						v.fixedInVersion() == null ? "NO" : "YES", null, null);
			}
		};
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

	/** Resource {@code r} of the pool: EC2 instances, then ECR images, then functions. */
	private String resource(Group g, int r) {
		if (r < g.ec2()) {
			return ec2(g, r);
		}
		r -= g.ec2();
		return r < g.ecr() ? ecr(g, r) : lambda(g, r - g.ecr());
	}

	private static String ec2(Group g, int i) {
		return "i-0" + Mix.hex16(Mix.mix(g.salt() ^ (0xec2L << 32) ^ i));
	}

	private static String ecr(Group g, int i) {
		String repository = REPOSITORIES[i % REPOSITORIES.length]
				+ (i < REPOSITORIES.length ? "" : "-" + i / REPOSITORIES.length);
		StringBuilder digest = new StringBuilder(64);
		long h = Mix.mix(g.salt() ^ (0xec7L << 32) ^ i);
		for (int part = 0; part < 4; part++) {
			h = Mix.mix(h + part);
			digest.append(Mix.hex16(h));
		}
		return "arn:aws:ecr:" + g.region() + ":" + g.accountId() + ":repository/" + repository + "/sha256:" + digest;
	}

	private static String lambda(Group g, int i) {
		String function = FUNCTIONS[i % FUNCTIONS.length] + (i < FUNCTIONS.length ? "" : "-" + i / FUNCTIONS.length);
		return "arn:aws:lambda:" + g.region() + ":" + g.accountId() + ":function:" + function + ":$LATEST";
	}

	/** Coverage entry {@code i} of the group. */
	private CoveredResource covered(Group g, int i) {
		String type;
		String id;
		String scan;
		if (i < 2 * g.ec2()) {
			type = "AWS_EC2_INSTANCE";
			id = ec2(g, i / 2);
			scan = i % 2 == 0 ? "PACKAGE" : "NETWORK";
		}
		else if (i < 2 * g.ec2() + g.ecr()) {
			type = "AWS_ECR_CONTAINER_IMAGE";
			id = ecr(g, i - 2 * g.ec2());
			scan = "PACKAGE";
		}
		else {
			int j = i - 2 * g.ec2() - g.ecr();
			type = "AWS_LAMBDA_FUNCTION";
			id = lambda(g, j / 2);
			scan = j % 2 == 0 ? "PACKAGE" : "CODE";
		}
		Instant scanned = reference.minusSeconds(Math.floorMod(Mix.mix(g.salt() ^ Mix.hash(id)), 86_400));
		return new CoveredResource(g.accountId(), g.region(), type, id, scan, scanned);
	}

	private List<Finding> concat(List<Group> selected) {
		return concat(selected, Group::count, this::finding);
	}

	private interface Element<T> {

		T at(Group g, int index);

	}

	/** The groups' elements one after the other; {@code get} generates one element. */
	private static <T> List<T> concat(List<Group> selected, java.util.function.ToIntFunction<Group> size,
			Element<T> element) {
		List<Group> parts = List.copyOf(selected);
		long[] starts = new long[parts.size() + 1];
		for (int i = 0; i < parts.size(); i++) {
			starts[i + 1] = starts[i] + size.applyAsInt(parts.get(i));
		}
		if (starts[parts.size()] > Integer.MAX_VALUE) {
			throw new IllegalStateException("more than " + Integer.MAX_VALUE + " elements");
		}
		int total = (int) starts[parts.size()];
		IntFunction<T> get = index -> {
			int part = Arrays.binarySearch(starts, index);
			part = part >= 0 ? part : -part - 2;
			while (starts[part + 1] <= index) {
				part++;
			}
			return element.at(parts.get(part), (int) (index - starts[part]));
		};
		return new AbstractList<>() {
			@Override
			public T get(int index) {
				if (index < 0 || index >= total) {
					throw new IndexOutOfBoundsException(index);
				}
				return get.apply(index);
			}

			@Override
			public int size() {
				return total;
			}
		};
	}

}
