/**
 * Signing in with an old account (lazy migration): a citizen signs in once with a department's old user name and
 * password, checked through any {@link dev.signet.connector.PasswordConnector}; Signet signs them in to the linked
 * account, or creates or finds their account (email proven by code or vouched by the department, an existing account
 * only after proof of control) and links the legacy identity, carrying the old password over. Each connector's
 * {@link dev.signet.server.migration.MigrationPolicy} (on sign-in, or dual running until a cut-over date) comes from
 * the connectors file. Guide: docs/legacy-sign-in.md.
 */
package dev.signet.server.migration;
