package dev.signet.client.internal;

import dev.signet.client.ClientKey;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

/**
 * JWTs the client signs with its own key: client assertions for {@code private_key_jwt} (RFC 7523 §3: {@code iss} =
 * {@code sub} = client id, {@code aud} = the issuer, a short {@code exp}, a fresh {@code jti} each time) and request
 * objects (RFC 9101 §4: the request's parameters plus {@code iss} = client id, {@code aud} = the issuer).
 */
public final class ClientSigner {

    /** An assertion is used at once; a minute covers clock differences without leaving a long replay window. */
    static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);

    private final ClientKey key;
    private final JWSSigner signer;
    private final String clientId;
    private final String issuer;
    private final Clock clock;

    public ClientSigner(ClientKey key, String clientId, String issuer, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = key.privateKey() instanceof ECPrivateKey ec ? new ECDSASigner(ec)
                    : new RSASSASigner(key.privateKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The client key cannot sign: " + e.getMessage(), e);
        }
    }

    /** A new client assertion; never reuse one (Signet accepts each {@code jti} once). */
    public String clientAssertion() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId).subject(clientId).audience(issuer)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(Randoms.token())
                .build();
        return sign(claims);
    }

    /** A request object carrying {@code parameters}, valid for {@code lifetime}. */
    public String requestObject(Map<String, String> parameters, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(clientId).audience(issuer)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(Randoms.token());
        parameters.forEach(claims::claim);
        return sign(claims.build());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm()))
                .keyID(key.keyId()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with the client key failed", e);
        }
        return jwt.serialize();
    }
}
