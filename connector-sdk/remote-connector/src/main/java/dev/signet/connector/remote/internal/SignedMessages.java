package dev.signet.connector.remote.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a protocol message (a request or a response) before anyone acts on it: an allowed asymmetric algorithm, the
 * expected {@code typ}, a signature by one of the expected keys, the expected issuer and audience, a short life that
 * has not ended, and a {@code jti}. Each failure is a {@link MessageRejected} naming what failed.
 */
public final class SignedMessages {

    /** Asymmetric algorithms only: "none" and shared-secret HMAC can never verify a message. */
    public static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.PS256, JWSAlgorithm.RS256);

    private final Clock clock;

    public SignedMessages(Clock clock) {
        this.clock = clock;
    }

    /** The claims of {@code compact} once every check passes. */
    public JWTClaimsSet verify(String compact, String type, VerificationKeys keys, String issuer, String audience)
            throws MessageRejected {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new MessageRejected("malformed", "the message is not a compact JWS with a JSON claims set");
        }
        if (!ALLOWED_ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw new MessageRejected("disallowed-algorithm", "the message is signed with "
                    + jwt.getHeader().getAlgorithm() + ", which is not allowed");
        }
        if (!new JOSEObjectType(type).equals(jwt.getHeader().getType())) {
            throw new MessageRejected("wrong-type", "the message's typ is not " + type);
        }
        verifySignature(jwt, keys.candidates(jwt.getHeader()));
        if (!issuer.equals(claims.getIssuer())) {
            throw new MessageRejected("wrong-issuer", "the message was issued by someone else than " + issuer);
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || audiences.stream().noneMatch(aud -> sameUrl(aud, audience))) {
            throw new MessageRejected("wrong-audience", "the message is meant for someone else than " + audience);
        }
        checkTimes(claims);
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw new MessageRejected("malformed", "the message has no jti");
        }
        return claims;
    }

    private static void verifySignature(SignedJWT jwt, List<JWK> candidates) throws MessageRejected {
        if (candidates.isEmpty()) {
            throw new MessageRejected("unknown-key", "no configured key fits the message's kid and algorithm");
        }
        DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
        for (JWK key : candidates) {
            try {
                if (key instanceof AsymmetricJWK asymmetric) {
                    JWSVerifier verifier = factory.createJWSVerifier(jwt.getHeader(), asymmetric.toPublicKey());
                    if (jwt.verify(verifier)) {
                        return;
                    }
                }
            } catch (JOSEException e) {
                // This key does not suit the algorithm: try the next one.
            }
        }
        throw new MessageRejected("bad-signature", "the message's signature does not verify");
    }

    private void checkTimes(JWTClaimsSet claims) throws MessageRejected {
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issued == null || expires == null) {
            throw new MessageRejected("malformed", "the message lacks iat or exp");
        }
        Instant now = clock.instant();
        if (expires.toInstant().plus(Protocol.CLOCK_SKEW).isBefore(now)) {
            throw new MessageRejected("expired", "the message has expired");
        }
        if (issued.toInstant().minus(Protocol.CLOCK_SKEW).isAfter(now)) {
            throw new MessageRejected("issued-in-future", "the message was issued in the future");
        }
        if (expires.toInstant().isAfter(issued.toInstant().plus(Protocol.LONGEST_LIFETIME))) {
            throw new MessageRejected("lifetime-too-long", "the message is valid for longer than "
                    + Protocol.LONGEST_LIFETIME);
        }
    }

    /** Two URLs name the same endpoint, a trailing slash aside. */
    public static boolean sameUrl(String a, String b) {
        return a != null && b != null && stripSlash(a).equals(stripSlash(b));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** What binds a response to its request: base64url (no padding) of the SHA-256 of the compact request. */
    public static String requestHash(String compactRequest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(compactRequest.trim().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
