package dev.evident.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** manifest.json agrees with SHA256SUMS: each file once, with the same hash. */
final class ManifestCheck {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ManifestCheck() {
	}

	static List<String> problems(byte[] manifest, Map<String, String> sums) {
		List<String> problems = new ArrayList<>();
		JsonNode files;
		try {
			files = JSON.readTree(manifest).path("files");
		}
		catch (IOException ex) {
			return List.of("manifest.json is not valid JSON");
		}
		Set<String> seen = new HashSet<>();
		for (JsonNode f : files) {
			String path = f.path("path").asText();
			if (!seen.add(path)) {
				problems.add("manifest.json lists " + path + " twice");
			}
			String sha = sums.get(path);
			if (sha == null) {
				problems.add("manifest.json lists " + path + ", which SHA256SUMS does not");
			}
			else if (!sha.equals(f.path("sha256").asText())) {
				problems.add("manifest.json and SHA256SUMS disagree on the hash of " + path);
			}
		}
		return problems;
	}

}
