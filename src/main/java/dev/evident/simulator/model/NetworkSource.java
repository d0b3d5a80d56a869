package dev.evident.simulator.model;

/**
 * The network resources of an organization's accounts: held in memory for a data file,
 * generated on demand for a synthetic organization.
 */
@FunctionalInterface
public interface NetworkSource {

	/** No network resources anywhere. */
	NetworkSource NONE = (accountId, region) -> RegionNetwork.EMPTY;

	/**
	 * The resources of one account in one region; {@link RegionNetwork#EMPTY} when it has
	 * none. Always the same for the same arguments.
	 */
	RegionNetwork network(String accountId, String region);

}
