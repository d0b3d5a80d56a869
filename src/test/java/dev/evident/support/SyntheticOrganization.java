package dev.evident.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Writes a larger organization for the simulator, derived from the demo data file: the
 * demo's management account plus {@code members} copies of one demo member account,
 * spread over the demo's OUs, with {@code findingsPerAccount} generated findings each in
 * us-east-1.
 */
public final class SyntheticOrganization {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private SyntheticOrganization() {
	}

	public static Path write(Path dir, int members, int findingsPerAccount) throws IOException {
		ObjectNode root;
		try (InputStream in = SyntheticOrganization.class.getResourceAsStream("/demo/organization.yaml")) {
			root = (ObjectNode) YAML.readTree(in);
		}
		ArrayNode accounts = (ArrayNode) root.get("accounts");
		ObjectNode management = (ObjectNode) accounts.get(0);
		ObjectNode template = (ObjectNode) accounts.get(2);
		ArrayNode ous = (ArrayNode) root.get("organizationalUnits");
		ArrayNode synthetic = YAML.createArrayNode().add(management);
		ArrayNode generated = YAML.createArrayNode();
		for (int i = 0; i < members; i++) {
			String id = String.valueOf(200000000000L + i);
			ObjectNode account = template.deepCopy();
			account.put("id", id);
			account.put("name", "Synthetic member " + i);
			account.put("email", "aws-" + id + "@example.com");
			account.put("parent", ous.get(i % ous.size()).get("id").asText());
			account.remove("assumeRoleDenied");
			account.remove("status");
			synthetic.add(account);
			generated.add(findings(id, findingsPerAccount));
		}
		root.set("accounts", synthetic);
		for (JsonNode scp : root.get("serviceControlPolicies")) {
			ArrayNode targets = YAML.createArrayNode();
			scp.get("targets").forEach(t -> {
				if (!t.asText().matches("\\d{12}")) {
					targets.add(t);
				}
			});
			((ObjectNode) scp).set("targets", targets);
		}
		((ObjectNode) root.get("delegatedAdministrators").get(0)).put("account", synthetic.get(1).get("id").asText());
		ObjectNode findings = (ObjectNode) root.get("findings");
		findings.set("generated", generated);
		findings.set("explicit", YAML.createArrayNode());
		Path file = dir.resolve("synthetic-" + members + "-" + findingsPerAccount + ".yaml");
		Files.createDirectories(dir);
		YAML.writeValue(file.toFile(), root);
		return file;
	}

	/**
	 * Counts per severity as [ACTIVE, SUPPRESSED, CLOSED], adding up to {@code total}.
	 */
	private static ObjectNode findings(String account, int total) {
		String[] severities = { "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED" };
		double[] share = { 0.03, 0.2, 0.45, 0.22, 0.07, 0.03 };
		ObjectNode counts = YAML.createObjectNode();
		int assigned = 0;
		for (int s = 0; s < severities.length; s++) {
			int n = s == 2 ? 0 : (int) (total * share[s]);
			assigned += n;
			counts.set(severities[s], triple(n));
		}
		counts.set("MEDIUM", triple(total - assigned));
		ObjectNode spec = YAML.createObjectNode();
		spec.put("account", account);
		spec.put("region", "us-east-1");
		spec.set("counts", counts);
		return spec;
	}

	private static ArrayNode triple(int n) {
		int suppressed = n / 10;
		int closed = n * 3 / 10;
		return YAML.createArrayNode().add(n - suppressed - closed).add(suppressed).add(closed);
	}

}
