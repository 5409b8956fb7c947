package dev.signet.server.events;

import java.util.Optional;

/** Which department owns a connector (the {@code department} of its entry in {@code signet.connectors.file}). */
@FunctionalInterface
interface ConnectorDepartments {

    /** Empty when no connector has that id any more: then no department owns it. */
    Optional<String> of(String connectorId);
}
