package dev.signet.server.clients;

import com.nimbusds.jose.util.JSONArrayUtils;
import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Signet's own authorization-request rules: exact redirect URI, PKCE with S256 only (required for public clients and clients flagged
 * {@code require-pkce}), {@code nonce} required for OpenID Connect requests, and {@code vtr} (RFC 8485, a JSON array
 * string) limited to the vectors the relying party may ask for.
 */
final class SignetAuthorizationRequestRules implements AuthorizationRequestValidator {

    // RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is 43 characters; the ABNF allows 43 to 128 unreserved characters.
    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final RelyingPartyRepository relyingParties;

    SignetAuthorizationRequestRules(RelyingPartyRepository relyingParties) {
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
    }

    @Override
    public void validate(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        // Exact string match, loopback ports included: the framework lets a loopback redirect URI vary its port
        // (RFC 8252 §7.3), but Signet registers exact URIs and never redirects anywhere else.
        String redirectUri = request.getRedirectUri();
        if (redirectUri != null && !context.getRegisteredClient().getRedirectUris().contains(redirectUri)) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: redirect_uri",
                    AuthorizationRequestErrors.RFC6749_ERRORS), null);
        }
        RelyingParty rp = relyingParties.findByClientId(request.getClientId())
                .orElseThrow(() -> AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                        "The client is no longer registered"));
        Map<String, Object> parameters = request.getAdditionalParameters();
        checkPkce(context, rp, parameters);
        if (request.getScopes().contains(OidcScopes.OPENID) && !hasText(parameters.get("nonce"))) {
            throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST,
                    "nonce is required for OpenID Connect requests");
        }
        Object vtr = parameters.get("vtr");
        if (vtr != null) {
            checkVtr(context, rp, vtr);
        }
    }

    private static void checkPkce(OAuth2AuthorizationCodeRequestAuthenticationContext context, RelyingParty rp,
            Map<String, Object> parameters) {
        Object challenge = parameters.get(PkceParameterNames.CODE_CHALLENGE);
        Object method = parameters.get(PkceParameterNames.CODE_CHALLENGE_METHOD);
        if (!hasText(challenge)) {
            if (rp.pkceRequired()) {
                throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST,
                        "code_challenge is required (PKCE with S256)");
            }
            if (method != null) {
                throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST,
                        "code_challenge_method without code_challenge");
            }
            return;
        }
        // RFC 7636 §4.3: a missing method means plain, which would expose the verifier.
        if (!"S256".equals(method)) {
            throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST,
                    "code_challenge_method must be S256");
        }
        if (!CODE_CHALLENGE.matcher((String) challenge).matches()) {
            throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST,
                    "code_challenge must be the base64url SHA-256 of the code verifier");
        }
    }

    private static void checkVtr(OAuth2AuthorizationCodeRequestAuthenticationContext context, RelyingParty rp,
            Object vtr) {
        List<Object> vectors;
        try {
            vectors = vtr instanceof String text ? JSONArrayUtils.parse(text) : null;
        } catch (ParseException e) {
            vectors = null;
        }
        if (vectors == null || vectors.isEmpty()) {
            throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST,
                    "vtr must be a JSON array of vectors of trust, such as [\"Cl.Cm\"]");
        }
        for (Object vector : vectors) {
            if (!(vector instanceof String text) || !rp.allowedVtr().contains(text)) {
                throw AuthorizationRequestErrors.error(context, OAuth2ErrorCodes.INVALID_REQUEST,
                        "vtr value " + vector + " is not allowed for this client");
            }
        }
    }

    private static boolean hasText(Object value) {
        return value instanceof String text && !text.isBlank();
    }
}
