/**
 * The {@code oidc} connector type: signs citizens in at an upstream OpenID Connect provider (a department's own
 * identity provider, a Keycloak realm, Entra ID) with the authorization code flow, PKCE (S256), state and nonce,
 * validates the ID token fully and maps its claims to a {@link dev.signet.connector.LegacyIdentity}.
 *
 * <p>Only {@link dev.signet.connector.oidc.OidcType} is public; the Nimbus libraries used inside never appear in a
 * public signature.
 */
package dev.signet.connector.oidc;
