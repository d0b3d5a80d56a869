package dev.evident.simulator.model;

/**
 * The entry points of an organization's accounts (load balancers, web ACLs,
 * distributions, Shield Advanced): held in memory for a data file, generated on demand
 * for a synthetic organization. Always the same for the same arguments.
 */
public interface EdgeSource {

	/** Nothing anywhere. */
	EdgeSource NONE = new EdgeSource() {

		@Override
		public RegionEdge regional(String accountId, String region) {
			return RegionEdge.EMPTY;
		}

		@Override
		public GlobalEdge global(String accountId) {
			return GlobalEdge.EMPTY;
		}

	};

	/** The load balancers and REGIONAL web ACLs of one account in one region. */
	RegionEdge regional(String accountId, String region);

	/** The distributions, CLOUDFRONT web ACLs and Shield subscription of one account. */
	GlobalEdge global(String accountId);

}
