package dev.evident.simulator.synthetic;

import java.util.List;

/**
 * The size of a synthetic organization. The same size gives the same organization, ids
 * and finding ARNs on every start.
 *
 * @param accounts accounts including the management account (at least 4)
 * @param users IAM users spread over the accounts
 * @param findings Inspector findings spread over the active accounts and the regions
 * @param artifactReports AWS Artifact reports
 * @param seed the seed every generated value derives from
 * @param regions the regions with Inspector enabled and findings
 */
public record SyntheticSize(int accounts, int users, long findings, int artifactReports, long seed,
		List<String> regions) {

	/** The default seed. */
	public static final long SEED = 20_260_105L;

	public SyntheticSize {
		if (accounts < 4) {
			throw new IllegalArgumentException("a synthetic organization needs at least 4 accounts: " + accounts);
		}
		if (users < 0 || artifactReports < 0 || findings < 0) {
			throw new IllegalArgumentException("users, findings and reports must not be negative");
		}
		if (findings > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " findings: " + findings);
		}
		regions = regions == null || regions.isEmpty() ? List.of("us-east-1") : List.copyOf(regions);
	}

	/**
	 * 500 accounts, 20,000 IAM users, 1,000,000 findings in us-east-1, 15 Artifact
	 * reports.
	 */
	public static SyntheticSize defaults() {
		return new SyntheticSize(500, 20_000, 1_000_000, 15, SEED, List.of("us-east-1"));
	}

	/** The given counts, 15 Artifact reports, the default seed, us-east-1. */
	public static SyntheticSize of(int accounts, int users, long findings) {
		return new SyntheticSize(accounts, users, findings, 15, SEED, List.of("us-east-1"));
	}

	public SyntheticSize withRegions(List<String> newRegions) {
		return new SyntheticSize(accounts, users, findings, artifactReports, seed, newRegions);
	}

	public SyntheticSize withSeed(long newSeed) {
		return new SyntheticSize(accounts, users, findings, artifactReports, newSeed, regions);
	}

	public SyntheticSize withArtifactReports(int newArtifactReports) {
		return new SyntheticSize(accounts, users, findings, newArtifactReports, seed, regions);
	}

}
