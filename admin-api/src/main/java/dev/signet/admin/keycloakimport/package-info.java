/**
 * Importing a departmental Keycloak realm (docs/keycloak-import.md): the realm's users, read page by page with the
 * Keycloak admin client, become Signet accounts with the Keycloak user id linked as a legacy identity of the realm's
 * {@code oidc} connector, so that each citizen's first sign-in goes through the realm and lands in their account.
 * The accounts are written by the bulk import's job (module bulk-import), the same path as an import file.
 */
package dev.signet.admin.keycloakimport;
