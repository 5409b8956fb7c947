package dev.signet.core.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A service that signs citizens in through Signet (an OpenID Connect relying party / OAuth client). Values are
 * already validated when one of these exists (see the identity server's relying-party file loader).
 *
 * @param clientId                 the {@code client_id}
 * @param name                     shown to citizens ("Continue to <name>")
 * @param redirectUris             exact-match redirect URIs
 * @param postLogoutRedirectUris   exact-match URIs for RP-initiated logout
 * @param backchannelLogoutUri     where logout tokens are posted (OpenID Connect Back-Channel Logout 1.0)
 * @param authMethod               how the client authenticates at the token endpoint
 * @param jwks                     the client's public keys inline, as a JWK or JWK Set JSON document
 * @param jwksUri                  or where to fetch them
 * @param clientSecretSha256       hex SHA-256 of the client secret (secret methods only)
 * @param sectorIdentifier         the pairwise {@code sub} sector: relying parties sharing it see the same {@code sub}
 * @param subjectType              pairwise (default) or public
 * @param grantTypes               OAuth grant types the client may use
 * @param scopes                   scopes the client may ask for
 * @param claims                   claims the client may receive
 * @param allowedVtr               vectors of trust (RFC 8485) the client may ask for, e.g. {@code Cl.Cm}
 * @param requiredVtr              the vector the service always needs (one of {@code allowedVtr}), e.g. {@code Cl.Cm}:
 *                                 while a citizen uses such a service they keep what it needs (their last second
 *                                 factor or passkey cannot be removed); empty when the service declares none
 * @param idTokenSigningAlgorithm  ES256 (default) or RS256
 * @param requirePkce              PKCE required even though the client is confidential (always required for public)
 * @param source                   who declared it: the start-up file or the admin API
 * @param eventsUri                where Security Event Tokens about its citizens are pushed (RFC 8935), if anywhere
 * @param department               the department that runs the service (for example {@code dvla}), if declared:
 *                                 only a department's own services are told the legacy subjects of its connectors
 */
public record RelyingParty(
        String clientId,
        String name,
        List<URI> redirectUris,
        List<URI> postLogoutRedirectUris,
        Optional<URI> backchannelLogoutUri,
        TokenEndpointAuthMethod authMethod,
        Optional<String> jwks,
        Optional<URI> jwksUri,
        Optional<String> clientSecretSha256,
        String sectorIdentifier,
        SubjectType subjectType,
        Set<String> grantTypes,
        Set<String> scopes,
        Set<String> claims,
        List<String> allowedVtr,
        Optional<String> requiredVtr,
        IdTokenSigningAlgorithm idTokenSigningAlgorithm,
        boolean requirePkce,
        Source source,
        Optional<URI> eventsUri,
        Optional<String> department) {

    /** Where a relying party was declared, so a restart can drop file entries that were removed from the file. */
    public enum Source { FILE, ADMIN }

    public RelyingParty {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        Objects.requireNonNull(backchannelLogoutUri, "backchannelLogoutUri");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(clientSecretSha256, "clientSecretSha256");
        Objects.requireNonNull(sectorIdentifier, "sectorIdentifier");
        Objects.requireNonNull(subjectType, "subjectType");
        grantTypes = Set.copyOf(grantTypes);
        scopes = Set.copyOf(scopes);
        claims = Set.copyOf(claims);
        allowedVtr = List.copyOf(allowedVtr);
        Objects.requireNonNull(requiredVtr, "requiredVtr");
        Objects.requireNonNull(idTokenSigningAlgorithm, "idTokenSigningAlgorithm");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventsUri, "eventsUri");
        Objects.requireNonNull(department, "department");
    }

    /** A relying party that declares no required vector of trust, no events endpoint and no department. */
    public RelyingParty(String clientId, String name, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
            Optional<URI> backchannelLogoutUri, TokenEndpointAuthMethod authMethod, Optional<String> jwks,
            Optional<URI> jwksUri, Optional<String> clientSecretSha256, String sectorIdentifier,
            SubjectType subjectType, Set<String> grantTypes, Set<String> scopes, Set<String> claims,
            List<String> allowedVtr, IdTokenSigningAlgorithm idTokenSigningAlgorithm, boolean requirePkce,
            Source source) {
        this(clientId, name, redirectUris, postLogoutRedirectUris, backchannelLogoutUri, authMethod, jwks, jwksUri,
                clientSecretSha256, sectorIdentifier, subjectType, grantTypes, scopes, claims, allowedVtr,
                Optional.empty(), idTokenSigningAlgorithm, requirePkce, source, Optional.empty(), Optional.empty());
    }

    /** The same relying party with an events endpoint and a department (for tests and the admin API). */
    public RelyingParty withSecurityEvents(Optional<URI> eventsUri, Optional<String> department) {
        return new RelyingParty(clientId, name, redirectUris, postLogoutRedirectUris, backchannelLogoutUri,
                authMethod, jwks, jwksUri, clientSecretSha256, sectorIdentifier, subjectType, grantTypes, scopes,
                claims, allowedVtr, requiredVtr, idTokenSigningAlgorithm, requirePkce, source, eventsUri, department);
    }

    /** Whether the service declared that it always needs a second factor ({@code Cm} in its required vector). */
    public boolean requiresSecondFactor() {
        return requiredVtr.map(vector -> List.of(vector.split("\\.")).contains("Cm")).orElse(false);
    }

    /** A public client has no credentials of its own and must always use PKCE. */
    public boolean isPublic() {
        return authMethod == TokenEndpointAuthMethod.NONE;
    }

    /** PKCE is required for public clients and for confidential clients that ask for it. */
    public boolean pkceRequired() {
        return isPublic() || requirePkce;
    }
}
