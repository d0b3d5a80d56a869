package dev.evident.simulator.model;

import java.time.Instant;

/** A delegated administrator registration. */
public record DelegatedAdministrator(String accountId, String servicePrincipal, Instant delegationEnabledDate) {
}
