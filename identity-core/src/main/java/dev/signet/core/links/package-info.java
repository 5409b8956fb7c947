/**
 * Legacy identities linked to Signet accounts: which person in which old system each account is. The port is
 * {@link dev.signet.core.links.LinkedIdentityRepository}; the PostgreSQL adapter is in {@code jdbc}.
 */
package dev.signet.core.links;
