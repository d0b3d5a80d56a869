package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.data.Ids;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.server.Json;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The realistic detail of a finding's payload that the model does not hold: a second CVSS
 * entry, further vulnerable packages, reference URLs, related vulnerabilities, resource
 * tags. Derived deterministically from the finding ARN (and the resource id for tags), so
 * a finding renders the same on every request and every start.
 */
final class FindingDetails {

	private static final String[] ENVIRONMENTS = { "production", "staging", "development", "qa" };

	private static final String[] TEAMS = { "payments", "platform", "data", "identity", "web", "mobile", "search",
			"billing" };

	private static final String[] APPLICATIONS = { "checkout", "ledger", "catalog", "gateway", "reporting", "auth",
			"notifications" };

	private static final String[] OS_SUFFIXES = { "-libs", "-common", "-devel", "-tools" };

	private FindingDetails() {
	}

	/** A random source seeded from a stable string (64-bit FNV-1a). */
	static Random random(String salt) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < salt.length(); i++) {
			h = (h ^ salt.charAt(i)) * 0x100000001b3L;
		}
		return new Random(h);
	}

	/** 3 to 5 tags of the resource: Name, Environment, Owner, CostCenter and more. */
	static ObjectNode tags(Finding f) {
		Random rnd = random("tags" + f.resourceId());
		Map<String, String> tags = new LinkedHashMap<>();
		String team = TEAMS[rnd.nextInt(TEAMS.length)];
		String env = ENVIRONMENTS[rnd.nextInt(ENVIRONMENTS.length)];
		tags.put("Name", name(f) + "-" + env);
		tags.put("Environment", env);
		tags.put("Owner", "team-" + team + "@example.com");
		int extra = rnd.nextInt(4);
		if (extra > 1) {
			tags.put("CostCenter", "CC-" + (1000 + rnd.nextInt(9000)));
		}
		if (extra > 2) {
			tags.put("Application", APPLICATIONS[rnd.nextInt(APPLICATIONS.length)]);
		}
		ObjectNode node = Json.obj();
		tags.forEach(node::put);
		return node;
	}

	private static String name(Finding f) {
		String id = f.resourceId();
		return switch (f.resourceType()) {
			case "AWS_ECR_CONTAINER_IMAGE" -> id.substring(id.indexOf("repository/") + 11, id.indexOf("/sha256:"));
			case "AWS_LAMBDA_FUNCTION" -> id.split(":")[6];
			default -> "app-" + id.substring(id.length() - 4);
		};
	}

	/**
	 * The CVSS entries: the NVD CVSS 3.1 score, then a CVSS 2.0 (NVD) or CVSS 4.0
	 * (vendor) entry derived from the same vector. Empty without a vector.
	 */
	static ArrayNode cvss(Finding f) {
		Finding.Vulnerability v = f.vulnerability();
		ArrayNode list = Json.arr();
		if (v.cvssVector() == null || v.cvssVector().isEmpty()) {
			return list;
		}
		list.add(Json.obj()
			.put("baseScore", v.cvssScore())
			.put("scoringVector", v.cvssVector())
			.put("version", "3.1")
			.put("source", "NVD"));
		Map<String, String> m = metrics(v.cvssVector());
		if (random(f.findingArn()).nextBoolean()) {
			String vector = "AV:" + m.getOrDefault("AV", "N").replace("P", "L") + "/AC:" + m.getOrDefault("AC", "L")
					+ "/Au:" + switch (m.getOrDefault("PR", "N")) {
						case "L" -> "S";
						case "H" -> "M";
						default -> "N";
					} + "/C:" + impact2(m.get("C")) + "/I:" + impact2(m.get("I")) + "/A:" + impact2(m.get("A"));
			list.add(Json.obj()
				.put("baseScore", Math.round(Math.min(10.0, v.cvssScore() * 0.93) * 10) / 10.0)
				.put("scoringVector", vector)
				.put("version", "2.0")
				.put("source", "NVD"));
		}
		else {
			String subsequent = "C".equals(m.get("S")) ? "H" : "N";
			String vector = "CVSS:4.0/AV:" + m.getOrDefault("AV", "N") + "/AC:" + m.getOrDefault("AC", "L")
					+ "/AT:N/PR:" + m.getOrDefault("PR", "N") + "/UI:" + ("R".equals(m.get("UI")) ? "P" : "N") + "/VC:"
					+ m.getOrDefault("C", "N") + "/VI:" + m.getOrDefault("I", "N") + "/VA:" + m.getOrDefault("A", "N")
					+ "/SC:" + subsequent + "/SI:" + subsequent + "/SA:" + subsequent;
			list.add(Json.obj()
				.put("baseScore", Math.round(Math.min(10.0, v.cvssScore() * 1.02) * 10) / 10.0)
				.put("scoringVector", vector)
				.put("version", "4.0")
				.put("source", vendor(v.packageManager())));
		}
		return list;
	}

	private static Map<String, String> metrics(String vector) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String part : vector.split("/")) {
			int colon = part.indexOf(':');
			if (colon > 0) {
				m.put(part.substring(0, colon), part.substring(colon + 1));
			}
		}
		return m;
	}

	private static String impact2(String impact3) {
		return "H".equals(impact3) ? "C" : "L".equals(impact3) ? "P" : "N";
	}

	private static String vendor(String packageManager) {
		return "OS".equals(packageManager) ? "AMAZON_CVE" : "GITHUB";
	}

	/**
	 * 1 to 3 vulnerable packages: the finding's own, then related OS packages or the same
	 * library in other files.
	 */
	static ArrayNode packages(Finding f) {
		Finding.Vulnerability v = f.vulnerability();
		Random rnd = random("packages" + f.findingArn());
		ArrayNode list = Json.arr();
		int roll = rnd.nextInt(10);
		int count = roll < 6 ? 1 : roll < 9 ? 2 : 3;
		for (int i = 0; i < count; i++) {
			String name = "OS".equals(v.packageManager()) && i > 0 ? v.packageName() + OS_SUFFIXES[i - 1]
					: v.packageName();
			ObjectNode pkg = Json.obj().put("name", name).put("version", v.version());
			boolean os = "OS".equals(v.packageManager());
			pkg.put("epoch", os && rnd.nextInt(4) == 0 ? 1 : 0);
			if (os) {
				pkg.put("release", "AWS_ECR_CONTAINER_IMAGE".equals(f.resourceType()) ? "1+deb12u" + (1 + i)
						: (1 + i) + ".amzn2023.0." + (1 + rnd.nextInt(9)));
			}
			pkg.put("arch", "AWS_ECR_CONTAINER_IMAGE".equals(f.resourceType()) ? "amd64" : "x86_64");
			pkg.put("packageManager", v.packageManager());
			Json.put(pkg, "filePath", filePath(v, i));
			Json.put(pkg, "fixedInVersion", v.fixedInVersion());
			Json.put(pkg, "remediation", v.fixedInVersion() == null ? null : "Upgrade to " + v.fixedInVersion());
			if ("AWS_ECR_CONTAINER_IMAGE".equals(f.resourceType())) {
				pkg.put("sourceLayerHash", "sha256:" + Ids.hex("layer" + f.resourceId() + i, 64));
			}
			list.add(pkg);
		}
		return list;
	}

	private static String filePath(Finding.Vulnerability v, int i) {
		String base = i == 0 ? "app" : i == 1 ? "srv/worker" : "opt/tools";
		return switch (v.packageManager()) {
			case "OS" -> null;
			case "NPM", "YARN", "NODEPKG" -> base + "/node_modules/" + v.packageName() + "/package.json";
			case "PIP", "PIPENV", "POETRY", "PYTHONPKG" -> base + "/.venv/lib/python3.11/site-packages/"
					+ v.packageName() + "-" + v.version() + ".dist-info/METADATA";
			case "JAR", "POM" -> base + "/lib/" + v.packageName() + "-" + v.version() + ".jar";
			case "GOMOD" -> base + "/go.mod";
			case "GOBINARY" -> "usr/local/bin/" + v.packageName().replaceAll(".*/", "");
			default -> base + "/" + v.packageName();
		};
	}

	/** NVD, CVE and vendor advisories for the vulnerability (1 to 4). */
	static ArrayNode referenceUrls(Finding f) {
		String id = f.vulnerability().id();
		Random rnd = random("refs" + f.findingArn());
		ArrayNode urls = Json.arr().add("https://nvd.nist.gov/vuln/detail/" + id);
		if (rnd.nextBoolean()) {
			urls.add("https://www.cve.org/CVERecord?id=" + id);
		}
		if (rnd.nextBoolean()) {
			urls.add("https://alas.aws.amazon.com/cve/html/" + id + ".html");
		}
		if (rnd.nextInt(3) == 0) {
			urls.add("https://security-tracker.debian.org/tracker/" + id);
		}
		return urls;
	}

	/** 0 to 2 advisories that track the same vulnerability. */
	static ArrayNode related(Finding f) {
		Random rnd = random("related" + f.findingArn());
		ArrayNode list = Json.arr();
		int count = rnd.nextInt(3);
		for (int i = 0; i < count; i++) {
			list.add(i == 0 ? "ALAS2023-" + (2023 + rnd.nextInt(3)) + "-" + (100 + rnd.nextInt(900))
					: String.format(Locale.ROOT, "GHSA-%s-%s-%s", Ids.hex("a" + f.findingArn(), 4),
							Ids.hex("b" + f.findingArn(), 4), Ids.hex("c" + f.findingArn(), 4)));
		}
		return list;
	}

	/** Days between the vendor's publication and its last update. */
	static Duration vendorUpdateAge(Finding f) {
		return Duration.ofDays(1 + random("vendor" + f.findingArn()).nextInt(20));
	}

}
