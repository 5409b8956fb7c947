package dev.signet.admin.relyingparties;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A relying party's registration as an operator sends it (POST, PUT, and the document a PATCH is merged into). The
 * names are those of OpenID Connect Dynamic Client Registration 1.0 where it has one; docs/admin-api.md lists each
 * field with its default. Secrets are never part of it: Signet generates them ({@code client_secret} in the response).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelyingPartyRequest(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_name") String clientName,
        @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        @JsonProperty("redirect_uris") List<String> redirectUris,
        @JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
        @JsonProperty("backchannel_logout_uri") String backchannelLogoutUri,
        @JsonProperty("events_uri") String eventsUri,
        Map<String, Object> jwks,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("sector_identifier_uri") String sectorIdentifierUri,
        @JsonProperty("subject_type") String subjectType,
        @JsonProperty("grant_types") List<String> grantTypes,
        List<String> scopes,
        List<String> claims,
        @JsonProperty("allowed_vtr") List<String> allowedVtr,
        @JsonProperty("requires_vtr") String requiresVtr,
        @JsonProperty("id_token_signed_response_alg") String idTokenSignedResponseAlg,
        @JsonProperty("require_pkce") Boolean requirePkce,
        String department) {

    /** The same registration with other keys (for the keys endpoint). */
    RelyingPartyRequest withKeys(Map<String, Object> newJwks, String newJwksUri) {
        return new RelyingPartyRequest(clientId, clientName, tokenEndpointAuthMethod, redirectUris,
                postLogoutRedirectUris, backchannelLogoutUri, eventsUri, newJwks, newJwksUri, sectorIdentifierUri,
                subjectType, grantTypes, scopes, claims, allowedVtr, requiresVtr, idTokenSignedResponseAlg,
                requirePkce, department);
    }

    /** The same registration for another client id (the path's, on PUT and PATCH). */
    RelyingPartyRequest withClientId(String id) {
        return new RelyingPartyRequest(id, clientName, tokenEndpointAuthMethod, redirectUris, postLogoutRedirectUris,
                backchannelLogoutUri, eventsUri, jwks, jwksUri, sectorIdentifierUri, subjectType, grantTypes, scopes,
                claims, allowedVtr, requiresVtr, idTokenSignedResponseAlg, requirePkce, department);
    }
}
