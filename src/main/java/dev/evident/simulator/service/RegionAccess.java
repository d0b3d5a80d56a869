package dev.evident.simulator.service;

import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Protocol;

/**
 * The check every regional service makes first: a call from a region that is not enabled
 * for the account (an opt-in region it did not opt in to, or a region the organization
 * does not know) is refused with the protocol's {@link Protocol#regionNotEnabled()}
 * error, as AWS refuses the credentials there.
 */
final class RegionAccess {

	private RegionAccess() {
	}

	static void requireEnabled(SimulatedOrganization org, Call call, Protocol protocol) {
		if (!org.regionEnabled(call.accountId(), call.region())) {
			throw protocol.regionNotEnabled();
		}
	}

}
