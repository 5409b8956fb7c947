package dev.signet.client.internal;

import dev.signet.client.DisallowedAlgorithmException;
import dev.signet.client.InvalidSignatureException;
import dev.signet.client.MalformedTokenException;
import dev.signet.client.WrongTokenTypeException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Step one of every token check: a compact JWS, signed with an allowed algorithm, of the expected {@code typ}, by a
 * key from Signet's JWKS. Only then are its claims read.
 */
public final class SignedToken {

    private final SignedJWT jwt;
    private final Map<String, Object> claims;

    private SignedToken(SignedJWT jwt, Map<String, Object> claims) {
        this.jwt = jwt;
        this.claims = claims;
    }

    /**
     * Parses and verifies {@code token}.
     *
     * @param kind what the token is meant to be, for messages ("ID token", "logout token", ...)
     * @param types the acceptable {@code typ} values, compared case-insensitively without an {@code application/}
     *     prefix; {@code null} in the set means the header may leave {@code typ} out
     */
    public static SignedToken verify(String kind, String token, Set<JWSAlgorithm> allowed, Set<String> types,
            JwksCache keys) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new MalformedTokenException("The " + kind + " is not a JWT: " + e.getMessage(), e);
        }
        if (parsed instanceof PlainJWT) {
            throw new DisallowedAlgorithmException("The " + kind + " is not signed (alg none)");
        }
        if (parsed instanceof EncryptedJWT || !(parsed instanceof SignedJWT jwt)) {
            throw new MalformedTokenException("The " + kind + " is encrypted; Signet signs but does not encrypt");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!allowed.contains(algorithm)) {
            throw new DisallowedAlgorithmException("The " + kind + " is signed with " + algorithm
                    + ", which is not in this client's allowed algorithms " + allowed);
        }
        String type = normalise(jwt.getHeader().getType());
        if (types.stream().noneMatch(expected -> Objects.equals(expected, type))) {
            throw new WrongTokenTypeException("The " + kind + " has typ " + (type == null ? "(none)" : type)
                    + " in its header, expected " + types.stream().map(t -> t == null ? "(none)" : t).toList());
        }
        List<JWK> candidates = keys.candidates(jwt.getHeader());
        boolean verified = false;
        for (JWK key : candidates) {
            if (verifies(jwt, key)) {
                verified = true;
                break;
            }
        }
        if (!verified) {
            throw new InvalidSignatureException("The " + kind + "'s signature does not verify with Signet's key "
                    + (jwt.getHeader().getKeyID() == null ? "(no kid)" : jwt.getHeader().getKeyID()));
        }
        Map<String, Object> claims = jwt.getPayload().toJSONObject();
        if (claims == null) {
            throw new MalformedTokenException("The " + kind + "'s claims are not a JSON object");
        }
        return new SignedToken(jwt, claims);
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier;
            if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else {
                return false;
            }
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    static String normalise(JOSEObjectType type) {
        if (type == null) {
            return null;
        }
        String value = type.getType().toLowerCase(Locale.ROOT);
        return value.startsWith("application/") ? value.substring("application/".length()) : value;
    }

    public JWSAlgorithm algorithm() {
        return jwt.getHeader().getAlgorithm();
    }

    /** The claims as raw JSON values. */
    public Map<String, Object> claims() {
        return claims;
    }
}
