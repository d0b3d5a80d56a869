package dev.evident.simulator.model;

/**
 * A region the simulated organization knows.
 *
 * @param optIn true for an opt-in region, enabled only in the accounts that opted in
 */
public record AwsRegion(String name, boolean optIn) {

	public static final String OPT_IN_NOT_REQUIRED = "opt-in-not-required";

	public static final String OPTED_IN = "opted-in";

	public static final String NOT_OPTED_IN = "not-opted-in";

}
