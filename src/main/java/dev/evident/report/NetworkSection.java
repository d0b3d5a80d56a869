package dev.evident.report;

import java.util.List;

import dev.evident.report.ReportModel.Bounded;

/**
 * The network protection section: the regions covered in each account, the
 * internet-facing entry points with their WAF and Shield status, VPCs without a working
 * flow log, and every security group or network ACL that a network check failed, with the
 * rule that fails it.
 */
public record NetworkSection(long vpcs, long vpcsLogged, long groups, long acls, Bounded<AccountRegions> regions,
		Bounded<UnloggedVpc> unloggedVpcs, Bounded<Exposure> exposures, Bounded<EntryPoint> entryPoints) {

	/**
	 * An internet-facing entry point: a load balancer or a CloudFront distribution, with
	 * the web ACL in front of it (or none), whether that ACL has a rate-based rule, and
	 * whether Shield Advanced protects it.
	 */
	public record EntryPoint(String accountId, String accountName, String kind, String name, String webAcl,
			String rateLimited, String shield) {

		public boolean isUnprotected() {
			return webAcl == null && !kind.startsWith("network");
		}

	}

	/** The regions of an account: collected, not in use, and refused (gaps). */
	public record AccountRegions(String accountId, String accountName, String collected, String notInUse,
			String refused) {

		public boolean isAnyRefused() {
			return !"-".equals(refused);
		}

	}

	/** {@code why}: no flow log, or the state of the flow logs it has. */
	public record UnloggedVpc(String accountId, String region, String vpcId, String name, String why) {
	}

	/** A failed result of a network check: {@code reason} names the rule. */
	public record Exposure(String accountId, String accountName, String controlId, String resource, String reason) {
	}

	public boolean isCollected() {
		return regions.total() > 0;
	}

}
