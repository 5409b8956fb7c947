package dev.signet.connector.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Validates an ID token from the upstream token endpoint as OpenID Connect Core 1.0, section 3.1.3.7, asks: a JWS
 * (never unsigned, never encrypted here) with an allowed algorithm, signed by one of the upstream's keys (found by
 * {@code kid}, the keys fetched again once when the {@code kid} is unknown), or by the client secret for an allowed HS
 * algorithm; {@code iss} the upstream's issuer; {@code aud} holding the client id, and {@code azp} the client id when
 * there are several audiences (or whenever present); {@code exp} in the future and {@code iat} not in the future,
 * within the clock skew; {@code nonce} the one sent; {@code at_hash}, when present, matching the access token.
 */
final class IdTokenCheck {

    /** The outcome: the token's claims, or why it was refused (for operators: no claim values). */
    sealed interface Result {
    }

    record Valid(JWTClaimsSet claims) implements Result {
    }

    record Rejected(String reason) implements Result {
    }

    private final OidcSettings settings;
    private final UpstreamProvider upstream;
    private final Clock clock;

    IdTokenCheck(OidcSettings settings, UpstreamProvider upstream, Clock clock) {
        this.settings = settings;
        this.upstream = upstream;
        this.clock = clock;
    }

    /**
     * @throws UpstreamException when the upstream's keys are needed and cannot be fetched
     */
    Result check(String idToken, String expectedNonce, AccessToken accessToken, String issuer, Deadline deadline)
            throws UpstreamException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            return new Rejected("ID token is not a signed JWT (unsigned and encrypted ID tokens are refused)");
        }
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (!settings.idTokenAlgorithms().contains(algorithm)) {
            return new Rejected("ID token is signed with " + algorithm + ", which id-token-algorithms does not allow");
        }
        Optional<Rejected> signature = checkSignature(jwt, deadline);
        if (signature.isPresent()) {
            return signature.get();
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Rejected("ID token claims are not a JSON object");
        }
        return checkClaims(claims, header, expectedNonce, accessToken, issuer).<Result>map(reason -> reason)
                .orElseGet(() -> new Valid(claims));
    }

    private Optional<Rejected> checkSignature(SignedJWT jwt, Deadline deadline) throws UpstreamException {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        try {
            if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                byte[] secret = settings.client().secret().orElseThrow().getValueBytes();
                return verifies(jwt, new MACVerifier(secret)) ? Optional.empty()
                        : Optional.of(new Rejected("ID token signature (" + algorithm + ") does not verify"));
            }
            String kid = jwt.getHeader().getKeyID();
            List<JWK> candidates = candidates(upstream.keys(deadline), kid, algorithm);
            if (candidates.isEmpty()) {
                // An unknown key: the upstream may have rotated its keys since Signet fetched them. Ask once.
                candidates = candidates(upstream.refetchKeys(deadline), kid, algorithm);
            }
            if (candidates.isEmpty()) {
                return Optional.of(new Rejected("ID token is signed with a key the upstream does not publish (kid "
                        + (kid == null ? "absent" : "'" + printable(kid) + "'") + ")"));
            }
            for (JWK key : candidates) {
                if (verifies(jwt, verifier(key))) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Rejected("ID token signature (" + algorithm + ") does not verify"));
        } catch (JOSEException e) {
            return Optional.of(new Rejected("ID token signature cannot be checked: " + e.getClass().getSimpleName()));
        }
    }

    private static boolean verifies(SignedJWT jwt, JWSVerifier verifier) throws JOSEException {
        return jwt.verify(verifier);
    }

    /** The published keys that could have made this signature: by kid when given, else every key of the right kind. */
    private static List<JWK> candidates(JWKSet keys, String kid, JWSAlgorithm algorithm) {
        return keys.getKeys().stream()
                .filter(key -> kid == null || kid.equals(key.getKeyID()))
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> key.getAlgorithm() == null || key.getAlgorithm().equals(algorithm))
                .filter(key -> JWSAlgorithm.Family.RSA.contains(algorithm) ? key instanceof RSAKey
                        : JWSAlgorithm.Family.EC.contains(algorithm) && key instanceof ECKey)
                .toList();
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        return key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
    }

    private Optional<Rejected> checkClaims(JWTClaimsSet claims, JWSHeader header, String expectedNonce,
            AccessToken accessToken, String issuer) {
        String clientId = settings.client().clientId().getValue();
        if (!issuer.equals(claims.getIssuer())) {
            return rejected("ID token iss is not the upstream's issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            return rejected("ID token aud does not include the client id");
        }
        Object azp = claims.getClaim("azp");
        if (audience.size() > 1 && azp == null) {
            return rejected("ID token has several audiences but no azp");
        }
        if (azp != null && !clientId.equals(azp)) {
            return rejected("ID token azp is not the client id");
        }
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.minus(skew).isBefore(expires.toInstant())) {
            return rejected(expires == null ? "ID token has no exp" : "ID token has expired");
        }
        Date issued = claims.getIssueTime();
        if (issued == null || issued.toInstant().isAfter(now.plus(skew))) {
            return rejected(issued == null ? "ID token has no iat" : "ID token iat is in the future");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(skew))) {
            return rejected("ID token nbf is in the future");
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String text) || !MessageDigest.isEqual(text.getBytes(StandardCharsets.UTF_8),
                expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            return rejected("ID token nonce is not the one sent");
        }
        Object atHash = claims.getClaim("at_hash");
        if (atHash != null && accessToken != null) {
            AccessTokenHash expected = AccessTokenHash.compute(accessToken, header.getAlgorithm(), null);
            if (expected == null || !expected.getValue().equals(atHash)) {
                return rejected("ID token at_hash does not match the access token");
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejected> rejected(String reason) {
        return Optional.of(new Rejected(reason));
    }

    /** A kid as safe to log: short, printable ASCII. */
    private static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
