package dev.evident.simulator.model;

/** An organizational unit; {@code parentId} is the root id or another OU id. */
public record OrganizationalUnit(String id, String arn, String name, String parentId, String path) {
}
