/**
 * Federation with departments' legacy sign-in systems: the connectors declared in {@code signet.connectors.file},
 * validated and opened at start-up and held in the {@link dev.signet.server.federation.ConnectorRegistry}. Signing in
 * through them comes with lazy migration, later.
 */
package dev.signet.server.federation;
