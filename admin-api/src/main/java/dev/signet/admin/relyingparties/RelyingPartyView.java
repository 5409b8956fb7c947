package dev.signet.admin.relyingparties;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWKSet;
import dev.signet.core.client.ManagedRelyingParty;
import dev.signet.core.client.RelyingParty;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * A relying party as the admin API shows it: its registration (the fields of {@link RelyingPartyRequest}) and its
 * state. Never a secret or its hash: only whether it has one and until when a rotated one is still accepted.
 *
 * @param source                  {@code FILE} while the relying-party file manages it, {@code ADMIN} once registered
 *                                or changed here (the file no longer overwrites it)
 * @param sectorIdentifier        the pairwise {@code sub} sector it is in
 * @param previousSecretExpiresAt until when the secret replaced by the last rotation is still accepted, if it is
 */
public record RelyingPartyView(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_name") String clientName,
        boolean enabled,
        String source,
        @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        @JsonProperty("redirect_uris") List<String> redirectUris,
        @JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
        @JsonProperty("backchannel_logout_uri") String backchannelLogoutUri,
        @JsonProperty("events_uri") String eventsUri,
        Map<String, Object> jwks,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("sector_identifier") String sectorIdentifier,
        @JsonProperty("sector_identifier_uri") String sectorIdentifierUri,
        @JsonProperty("subject_type") String subjectType,
        @JsonProperty("grant_types") List<String> grantTypes,
        List<String> scopes,
        List<String> claims,
        @JsonProperty("allowed_vtr") List<String> allowedVtr,
        @JsonProperty("requires_vtr") String requiresVtr,
        @JsonProperty("id_token_signed_response_alg") String idTokenSignedResponseAlg,
        @JsonProperty("require_pkce") boolean requirePkce,
        String department,
        @JsonProperty("has_client_secret") boolean hasClientSecret,
        @JsonProperty("previous_secret_expires_at") String previousSecretExpiresAt,
        @JsonProperty("updated_at") String updatedAt) {

    static RelyingPartyView of(ManagedRelyingParty managed) {
        RelyingParty rp = managed.registration();
        return new RelyingPartyView(rp.clientId(), rp.name(), managed.enabled(), rp.source().name(),
                rp.authMethod().value(), strings(rp.redirectUris()), strings(rp.postLogoutRedirectUris()),
                rp.backchannelLogoutUri().map(URI::toString).orElse(null),
                rp.eventsUri().map(URI::toString).orElse(null), rp.jwks().map(RelyingPartyView::jwks).orElse(null),
                rp.jwksUri().map(URI::toString).orElse(null), rp.sectorIdentifier(),
                managed.sectorIdentifierUri().map(URI::toString).orElse(null), rp.subjectType().value(),
                rp.grantTypes().stream().sorted().toList(), rp.scopes().stream().sorted().toList(),
                rp.claims().stream().sorted().toList(), rp.allowedVtr(), rp.requiredVtr().orElse(null),
                rp.idTokenSigningAlgorithm().name(), rp.requirePkce(), rp.department().orElse(null),
                rp.clientSecretSha256().isPresent(),
                managed.previousSecret().map(previous -> previous.expiresAt().toString()).orElse(null),
                managed.updatedAt().toString());
    }

    /**
     * The registration as a request would give it, for a PATCH to merge into. The sector identifier is not part of
     * it: it follows from {@code sector_identifier_uri} or the redirect URIs, except for a file-declared one kept as
     * it is (see {@link RegistrationValidator}).
     */
    RelyingPartyRequest asRequest() {
        return new RelyingPartyRequest(clientId, clientName, tokenEndpointAuthMethod, redirectUris,
                postLogoutRedirectUris, backchannelLogoutUri, eventsUri, jwks, jwksUri, sectorIdentifierUri,
                subjectType, grantTypes, scopes, claims, allowedVtr, requiresVtr, idTokenSignedResponseAlg, requirePkce,
                department);
    }

    private static List<String> strings(List<URI> uris) {
        return uris.stream().map(URI::toString).toList();
    }

    private static Map<String, Object> jwks(String json) {
        try {
            return JWKSet.parse(json).toJSONObject(true);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored JWK set is not valid", e);
        }
    }
}
