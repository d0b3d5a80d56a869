package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.data.Ids;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.server.Json;

/** The Inspector2 JSON shape of a finding (timestamps as epoch seconds). */
final class FindingJson {

	private FindingJson() {
	}

	static ObjectNode render(Finding f) {
		ObjectNode n = Json.obj()
			.put("findingArn", f.findingArn())
			.put("awsAccountId", f.awsAccountId())
			.put("type", f.type())
			.put("description", f.description())
			.put("title", f.title());
		ObjectNode recommendation = Json.obj().put("text", recommendation(f));
		if (f.vulnerability() != null) {
			recommendation.put("Url", "https://nvd.nist.gov/vuln/detail/" + f.vulnerability().id());
		}
		n.set("remediation", Json.obj().set("recommendation", recommendation));
		n.put("severity", f.severity());
		Json.epoch(n, "firstObservedAt", f.firstObservedAt());
		Json.epoch(n, "lastObservedAt", f.lastObservedAt());
		Json.epoch(n, "updatedAt", f.updatedAt());
		n.put("status", f.status());
		n.set("resources", Json.arr().add(resource(f)));
		if (!"UNTRIAGED".equals(f.severity())) {
			n.put("inspectorScore", f.inspectorScore());
		}
		switch (f.type()) {
			case "NETWORK_REACHABILITY" -> n.set("networkReachabilityDetails", network(f));
			case "CODE_VULNERABILITY" -> n.set("codeVulnerabilityDetails", code(f));
			default -> {
				n.set("packageVulnerabilityDetails", vulnerability(f));
				n.put("exploitAvailable", f.exploitAvailable() ? "YES" : "NO");
				if (f.exploitAvailable()) {
					n.set("exploitabilityDetails", Json.epoch(Json.obj(), "lastKnownExploitAt", f.firstObservedAt()));
				}
				n.set("epss", Json.obj().put("score", f.exploitAvailable() ? 0.9421 : 0.0042));
			}
		}
		Json.put(n, "fixAvailable", f.fixAvailable());
		return n;
	}

	private static String recommendation(Finding f) {
		if (f.vulnerability() != null) {
			return f.vulnerability().fixedInVersion() == null ? "None Provided" : "Upgrade "
					+ f.vulnerability().packageName() + " to version " + f.vulnerability().fixedInVersion();
		}
		return "NETWORK_REACHABILITY".equals(f.type())
				? "You can restrict access to your instance by modifying the Security Groups or ACLs in the network path."
				: "Review the flagged code and apply the recommended fix for " + f.cweId() + ".";
	}

	private static ObjectNode resource(Finding f) {
		ObjectNode r = Json.obj()
			.put("type", f.resourceType())
			.put("id", f.resourceId())
			.put("partition", "aws")
			.put("region", f.region());
		r.set("tags", Json.obj());
		ObjectNode details = Json.obj();
		String salt = f.resourceId();
		switch (f.resourceType()) {
			case "AWS_EC2_INSTANCE" -> details.set("awsEc2Instance",
					Json.obj()
						.put("type", "t3.medium")
						.put("imageId", "ami-0" + Ids.hex("ami" + salt, 16))
						.put("platform", "AMAZON_LINUX_2")
						.put("vpcId", "vpc-0" + Ids.hex("vpc" + f.awsAccountId(), 16))
						.put("subnetId", "subnet-0" + Ids.hex("subnet" + salt, 16)));
			case "AWS_ECR_CONTAINER_IMAGE" -> {
				String repo = salt.substring(salt.indexOf("repository/") + 11, salt.indexOf("/sha256:"));
				ObjectNode image = Json.obj()
					.put("repositoryName", repo)
					.put("imageHash", salt.substring(salt.indexOf("sha256:")))
					.put("registry", f.awsAccountId())
					.put("architecture", "amd64")
					.put("platform", "DEBIAN_12");
				image.set("imageTags", Json.arr().add("latest"));
				details.set("awsEcrContainerImage", image);
			}
			default -> {
				String[] parts = salt.split(":");
				details.set("awsLambdaFunction",
						Json.obj()
							.put("functionName", parts[6])
							.put("runtime", "PYTHON_3_9")
							.put("codeSha256", Ids.hex("code" + salt, 64))
							.put("version", "$LATEST")
							.put("executionRoleArn", "arn:aws:iam::" + f.awsAccountId() + ":role/" + parts[6] + "-role")
							.put("packageType", "ZIP"));
			}
		}
		r.set("details", details);
		return r;
	}

	private static ObjectNode vulnerability(Finding f) {
		Finding.Vulnerability v = f.vulnerability();
		ObjectNode pkg = Json.obj()
			.put("name", v.packageName())
			.put("version", v.version())
			.put("packageManager", v.packageManager());
		Json.put(pkg, "fixedInVersion", v.fixedInVersion());
		Json.put(pkg, "remediation", v.fixedInVersion() == null ? null : "Upgrade to " + v.fixedInVersion());
		ObjectNode d = Json.obj()
			.put("vulnerabilityId", v.id())
			.put("source", "NVD")
			.put("sourceUrl", "https://nvd.nist.gov/vuln/detail/" + v.id())
			.put("vendorSeverity", f.severity());
		d.set("vulnerablePackages", Json.arr().add(pkg));
		if (v.cvssVector() != null && !v.cvssVector().isEmpty()) {
			d.set("cvss",
					Json.arr()
						.add(Json.obj()
							.put("baseScore", v.cvssScore())
							.put("scoringVector", v.cvssVector())
							.put("version", "3.1")
							.put("source", "NVD")));
		}
		else {
			d.set("cvss", Json.arr());
		}
		d.set("relatedVulnerabilities", Json.arr());
		d.set("referenceUrls", Json.arr().add("https://nvd.nist.gov/vuln/detail/" + v.id()));
		Json.epoch(d, "vendorCreatedAt", f.firstObservedAt().minusSeconds(86_400L * 30));
		return d;
	}

	private static ObjectNode network(Finding f) {
		ObjectNode d = Json.obj();
		d.set("openPortRange", Json.obj().put("begin", f.openPort()).put("end", f.openPort()));
		d.put("protocol", "TCP");
		var steps = Json.arr()
			.add(Json.obj()
				.put("componentId", "igw-0" + Ids.hex("igw" + f.awsAccountId(), 16))
				.put("componentType", "AWS::EC2::InternetGateway"))
			.add(Json.obj()
				.put("componentId", "sg-0" + Ids.hex("sg" + f.resourceId(), 16))
				.put("componentType", "AWS::EC2::SecurityGroup"));
		d.set("networkPath", Json.obj().set("steps", steps));
		return d;
	}

	private static ObjectNode code(Finding f) {
		ObjectNode d = Json.obj();
		d.set("filePath",
				Json.obj()
					.put("fileName", "handler.py")
					.put("filePath", "src/handler.py")
					.put("startLine", 42)
					.put("endLine", 44));
		d.put("detectorId", "python/" + f.cweId().toLowerCase() + "@v1.0")
			.put("detectorName", f.title())
			.put("ruleId", f.cweId());
		d.set("cwes", Json.arr().add(f.cweId()));
		d.set("detectorTags", Json.arr().add("security"));
		return d;
	}

}
