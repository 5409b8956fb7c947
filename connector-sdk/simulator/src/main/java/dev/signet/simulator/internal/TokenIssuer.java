package dev.signet.simulator.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.simulator.IdTokenFault;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs what the simulator hands out, as Signet does: ES256 with a key published in the JWKS, ID tokens with
 * {@code vot}, {@code vtm}, {@code sid}, {@code auth_time}, {@code at_hash}; logout tokens ({@code typ logout+jwt});
 * security event tokens ({@code typ secevent+jwt}). An {@link IdTokenFault} spoils one ID token on purpose.
 */
public final class TokenIssuer {

    static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(5);
    static final Duration LOGOUT_TOKEN_LIFETIME = Duration.ofMinutes(2);
    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final String issuer;
    private final ECKey signingKey;
    /** Same kid as the signing key, another key pair: its signatures do not verify. Made when first needed. */
    private ECKey impostorKey;
    /** A kid that is not in the JWKS. Made when first needed. */
    private ECKey strayKey;

    public TokenIssuer(String issuer) {
        this.issuer = issuer;
        this.signingKey = generate("simulator-1");
    }

    private static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    // Key generation is most of the start-up time, so the keys only faults use wait until a fault needs them.
    private synchronized ECKey impostorKey() {
        if (impostorKey == null) {
            impostorKey = generate(signingKey.getKeyID());
        }
        return impostorKey;
    }

    private synchronized ECKey strayKey() {
        if (strayKey == null) {
            strayKey = generate("not-published");
        }
        return strayKey;
    }

    public String jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toString(true);
    }

    /** What goes into one ID token. */
    public record IdTokenContent(String subject, String clientId, Optional<String> nonce, String accessToken,
            String vot, Instant authTime, String sessionId, Map<String, Object> claims) {
    }

    public String idToken(IdTokenContent content, Optional<IdTokenFault> fault) {
        Instant now = Instant.now();
        Instant issuedAt = now;
        Instant expiresAt = now.plus(ID_TOKEN_LIFETIME);
        String audience = content.clientId();
        String tokenIssuer = issuer;
        Optional<String> nonce = content.nonce();
        String vot = content.vot();
        String atHash = Randoms.leftHalfHash(content.accessToken());
        Instant authTime = content.authTime();
        ECKey key = signingKey;
        IdTokenFault applied = fault.orElse(null);
        if (applied != null) {
            switch (applied) {
                case WRONG_NONCE -> nonce = Optional.of(Randoms.token());
                case EXPIRED -> {
                    issuedAt = now.minus(Duration.ofMinutes(20));
                    expiresAt = now.minus(Duration.ofMinutes(10));
                }
                case ISSUED_IN_FUTURE -> {
                    issuedAt = now.plus(Duration.ofMinutes(10));
                    expiresAt = issuedAt.plus(ID_TOKEN_LIFETIME);
                }
                case WRONG_AUDIENCE -> audience = "another-service";
                case WRONG_ISSUER -> tokenIssuer = "https://impostor.example";
                case BAD_SIGNATURE -> key = impostorKey();
                case UNKNOWN_KEY -> key = strayKey();
                case WRONG_VOT -> vot = "Cl";
                case WRONG_AT_HASH -> atHash = Randoms.leftHalfHash(Randoms.token());
                case OLD_AUTH_TIME -> authTime = now.minus(Duration.ofDays(1));
                case UNSIGNED -> {
                    // signed below, then replaced by an unsigned copy
                }
                default -> throw new IllegalStateException("Unhandled fault " + applied);
            }
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        content.claims().forEach(claims::claim);
        claims.issuer(tokenIssuer).subject(content.subject()).audience(audience).claim("azp", audience)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .claim("auth_time", authTime.getEpochSecond())
                .claim("sid", content.sessionId())
                .claim("at_hash", atHash)
                .claim("vot", vot)
                .claim("vtm", issuer + "/trustmark");
        nonce.ifPresent(value -> claims.claim("nonce", value));
        if (applied == IdTokenFault.UNSIGNED) {
            return new PlainJWT(claims.build()).serialize();
        }
        return sign(key, null, claims.build());
    }

    public String logoutToken(String clientId, Optional<String> subject, Optional<String> sessionId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LOGOUT_TOKEN_LIFETIME)))
                .jwtID(Randoms.token())
                .claim("events", Map.of(LOGOUT_EVENT, Map.of()));
        subject.ifPresent(claims::subject);
        sessionId.ifPresent(sid -> claims.claim("sid", sid));
        return sign(signingKey, "logout+jwt", claims.build());
    }

    public String securityEventToken(String clientId, String eventType, Map<String, Object> payload) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(clientId)
                .issueTime(new Date())
                .jwtID(Randoms.token())
                .claim("events", Map.of(eventType, payload))
                .build();
        return sign(signingKey, "secevent+jwt", claims);
    }

    /**
     * The claims of an ID token this simulator signed, whatever its expiry (an {@code id_token_hint} may have
     * expired), or empty when it is not one of ours.
     */
    public Optional<JWTClaimsSet> ownIdToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new ECDSAVerifier(signingKey.toPublicJWK()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return issuer.equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private static String sign(ECKey key, String type, JWTClaimsSet claims) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID());
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return jwt.serialize();
    }

    static List<String> audience(JWTClaimsSet claims) {
        return claims.getAudience() == null ? List.of() : claims.getAudience();
    }
}
