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
		Finding.Vulnerability v = f.vulnerability();
		if (v != null && v.cvssVector() != null && !v.cvssVector().isEmpty()) {
			n.set("inspectorScoreDetails",
					Json.obj()
						.set("adjustedCvss",
								Json.obj()
									.put("scoreSource", "NVD")
									.put("cvssSource", "NVD")
									.put("version", "3.1")
									.put("score", v.cvssScore())
									.put("scoringVector", v.cvssVector())
									.set("adjustments", Json.arr())));
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
		r.set("tags", FindingDetails.tags(f));
		ObjectNode details = Json.obj();
		String salt = f.resourceId();
		switch (f.resourceType()) {
			case "AWS_EC2_INSTANCE" -> {
				String hex = Ids.hex("ec2" + salt, 6);
				ObjectNode instance = Json.obj()
					.put("type", "t3.medium")
					.put("imageId", "ami-0" + Ids.hex("ami" + salt, 16))
					.put("platform", "AMAZON_LINUX_2")
					.put("vpcId", "vpc-0" + Ids.hex("vpc" + f.awsAccountId(), 16))
					.put("subnetId", "subnet-0" + Ids.hex("subnet" + salt, 16));
				instance.set("ipV4Addresses",
						Json.arr()
							.add("10." + Integer.parseInt(hex.substring(0, 2), 16) + "."
									+ Integer.parseInt(hex.substring(2, 4), 16) + "."
									+ Integer.parseInt(hex.substring(4, 6), 16)));
				Json.epoch(instance, "launchedAt", f.firstObservedAt().minus(java.time.Duration.ofDays(30)));
				details.set("awsEc2Instance", instance);
			}
			case "AWS_ECR_CONTAINER_IMAGE" -> {
				String repo = salt.substring(salt.indexOf("repository/") + 11, salt.indexOf("/sha256:"));
				ObjectNode image = Json.obj()
					.put("repositoryName", repo)
					.put("imageHash", salt.substring(salt.indexOf("sha256:")))
					.put("registry", f.awsAccountId())
					.put("architecture", "amd64")
					.put("platform", "DEBIAN_12");
				image.set("imageTags", Json.arr().add("latest").add("build-" + Ids.hex("tag" + salt, 7)));
				image.put("author", "ci@example.com");
				Json.epoch(image, "pushedAt", f.firstObservedAt().minus(java.time.Duration.ofDays(2)));
				Json.epoch(image, "lastInUseAt", f.lastObservedAt());
				image.put("inUseCount", 1 + (salt.hashCode() & 7));
				details.set("awsEcrContainerImage", image);
			}
			default -> {
				String[] parts = salt.split(":");
				ObjectNode function = Json.obj()
					.put("functionName", parts[6])
					.put("runtime", "PYTHON_3_9")
					.put("codeSha256", Ids.hex("code" + salt, 64))
					.put("version", "$LATEST")
					.put("executionRoleArn", "arn:aws:iam::" + f.awsAccountId() + ":role/" + parts[6] + "-role")
					.put("packageType", "ZIP");
				function.set("layers", Json.arr()
					.add("arn:aws:lambda:" + f.region() + ":" + f.awsAccountId() + ":layer:shared-deps:3"));
				function.set("architectures", Json.arr().add("X86_64"));
				Json.epoch(function, "lastModifiedAt", f.firstObservedAt().minus(java.time.Duration.ofDays(5)));
				details.set("awsLambdaFunction", function);
			}
		}
		r.set("details", details);
		return r;
	}

	private static ObjectNode vulnerability(Finding f) {
		Finding.Vulnerability v = f.vulnerability();
		ObjectNode d = Json.obj()
			.put("vulnerabilityId", v.id())
			.put("source", "NVD")
			.put("sourceUrl", "https://nvd.nist.gov/vuln/detail/" + v.id())
			.put("vendorSeverity", f.severity());
		d.set("vulnerablePackages", FindingDetails.packages(f));
		d.set("cvss", FindingDetails.cvss(f));
		d.set("relatedVulnerabilities", FindingDetails.related(f));
		d.set("referenceUrls", FindingDetails.referenceUrls(f));
		java.time.Instant vendorCreated = f.firstObservedAt().minusSeconds(86_400L * 30);
		Json.epoch(d, "vendorCreatedAt", vendorCreated);
		Json.epoch(d, "vendorUpdatedAt", vendorCreated.plus(FindingDetails.vendorUpdateAge(f)));
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
