package dev.evident.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.evident.aws.AwsErrors;
import dev.evident.aws.RawSink;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/**
 * Which regions of an account to collect. Without {@code --regions}, every region enabled
 * for the account ({@code DescribeRegions} with {@code AllRegions}: opted in, or not
 * needing to be); with it, those of the given regions that are enabled. A region the
 * account has not opted in to is recorded as not in use, never as a failure.
 */
public final class AccountRegions {

	/** The error codes of a call made in a region the account does not use. */
	private static final Set<String> NOT_ENABLED_CODES = Set.of("AuthFailure", "OptInRequired");

	/** How a region of an account ended. */
	public enum Status {

		/** Collected. */
		COLLECTED,

		/** Not enabled for the account (not opted in): nothing to collect. */
		NOT_ENABLED,

		/** Refused: an evidence gap for the account, region and source. */
		GAP

	}

	/**
	 * A region of the account, with its opt-in status as EC2 gives it (null for a region
	 * EC2 does not know).
	 */
	public record Region(String name, String optInStatus) {

		public boolean enabled() {
			return optInStatus != null && !"not-opted-in".equals(optInStatus);
		}

	}

	private AccountRegions() {
	}

	/** Every region EC2 knows for the account, with its opt-in status; kept raw. */
	public static Map<String, Region> describe(Ec2Client ec2, RawSink raw) {
		DescribeRegionsResponse response = ec2.describeRegions(b -> b.allRegions(true));
		raw.json("ec2", "DescribeRegions", "DescribeRegions", "allRegions=true", response);
		Map<String, Region> regions = new LinkedHashMap<>();
		response.regions()
			.stream()
			.sorted(java.util.Comparator.comparing(r -> r.regionName()))
			.forEach(r -> regions.put(r.regionName(), new Region(r.regionName(), r.optInStatus())));
		return regions;
	}

	/**
	 * The regions to look at: those asked for (each, known or not), or every enabled one.
	 */
	public static List<Region> select(Map<String, Region> known, List<String> requested) {
		if (requested.isEmpty()) {
			return known.values().stream().filter(Region::enabled).toList();
		}
		List<Region> selected = new ArrayList<>();
		for (String name : requested) {
			selected.add(known.getOrDefault(name, new Region(name, null)));
		}
		return selected;
	}

	/** Whether EC2 refused a call because the account does not use the region. */
	public static boolean notEnabled(SdkException ex) {
		return AwsErrors.isPermanent(ex) && NOT_ENABLED_CODES.contains(AwsErrors.code(ex));
	}

}
