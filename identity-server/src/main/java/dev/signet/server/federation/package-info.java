/**
 * Federation with departments' legacy sign-in systems: the connectors declared in {@code signet.connectors.file},
 * validated and opened at start-up, and those operators manage through the admin API (in PostgreSQL, picked up while
 * running), held in the {@link dev.signet.server.federation.ConnectorRegistry}. Citizens sign in through them in
 * {@code dev.signet.server.migration} (lazy migration).
 */
package dev.signet.server.federation;
