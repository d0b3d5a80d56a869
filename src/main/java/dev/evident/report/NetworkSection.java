package dev.evident.report;

import java.util.List;

import dev.evident.report.ReportModel.Bounded;

/**
 * The network protection section: the regions covered in each account, VPCs without a
 * working flow log, and every security group or network ACL that a network check failed,
 * with the rule that fails it.
 */
public record NetworkSection(long vpcs, long vpcsLogged, long groups, long acls, Bounded<AccountRegions> regions,
		Bounded<UnloggedVpc> unloggedVpcs, Bounded<Exposure> exposures) {

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
