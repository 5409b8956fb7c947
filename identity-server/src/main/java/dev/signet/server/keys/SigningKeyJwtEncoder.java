package dev.signet.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.server.keys.SigningKeyCache.LoadedKey;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * Signs every JWT of the provider (ID tokens, access tokens, logout tokens) with the active key for the header's
 * algorithm, setting its {@code kid}. It exists (instead of the framework's {@code NimbusJwtEncoder}) so that ES256 signs
 * with the BouncyCastle provider: the framework's encoder creates its signers with no way to choose a JCA provider.
 * The algorithm itself is decided before, by {@link TokenSigningAlgorithms}.
 */
final class SigningKeyJwtEncoder implements JwtEncoder {

    /** Header parameters a caller may set; the key-related ones are this encoder's to set. */
    private static final Set<String> ALLOWED_HEADERS = Set.of(JoseHeaderNames.ALG, JoseHeaderNames.TYP,
            JoseHeaderNames.CTY, JoseHeaderNames.KID);

    private final SigningKeyCache keys;

    SigningKeyJwtEncoder(SigningKeyCache keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
        Objects.requireNonNull(parameters, "parameters");
        SigningAlgorithm algorithm = algorithm(parameters);
        LoadedKey key = keys.signingKey(algorithm).orElseThrow(() -> new JwtEncodingException(
                "No active " + algorithm + " signing key (see signet.keys and the key-rotation log)"));
        JWSHeader header = header(parameters, algorithm, key.stored().kid());
        JwtClaimsSet claims = parameters.getClaims();
        SignedJWT jwt = new SignedJWT(header, claims(claims));
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new JwtEncodingException("Signing with key " + key.stored().kid() + " failed", e);
        }
        Map<String, Object> headers = new LinkedHashMap<>(header.toJSONObject());
        return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), headers, claims.getClaims());
    }

    private static SigningAlgorithm algorithm(JwtEncoderParameters parameters) {
        if (parameters.getJwsHeader() == null || parameters.getJwsHeader().getAlgorithm() == null) {
            return SigningAlgorithm.ES256;
        }
        String name = parameters.getJwsHeader().getAlgorithm().getName();
        try {
            return SigningAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JwtEncodingException("Signet signs only with ES256 and RS256, not " + name);
        }
    }

    private static JWSHeader header(JwtEncoderParameters parameters, SigningAlgorithm algorithm, String kid) {
        JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.name())).keyID(kid);
        if (parameters.getJwsHeader() == null) {
            return builder.build();
        }
        Map<String, Object> custom = new HashMap<>();
        parameters.getJwsHeader().getHeaders().forEach((name, value) -> {
            if (JWSHeader.getRegisteredParameterNames().contains(name)) {
                if (!ALLOWED_HEADERS.contains(name)) {
                    throw new JwtEncodingException("Header parameter '" + name + "' is not supported");
                }
            } else {
                custom.put(name, value);
            }
        });
        String type = parameters.getJwsHeader().getType();
        if (type != null) {
            builder.type(new JOSEObjectType(type));
        }
        String contentType = parameters.getJwsHeader().getContentType();
        if (contentType != null) {
            builder.contentType(contentType);
        }
        return builder.customParams(custom.isEmpty() ? null : custom).build();
    }

    /** Instants become NumericDate seconds (RFC 7519 §2), URLs strings; everything else is written as it is. */
    private static JWTClaimsSet claims(JwtClaimsSet claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.getClaims().forEach((name, value) -> builder.claim(name, jsonValue(name, value)));
        return builder.build();
    }

    private static Object jsonValue(String name, Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof URL url) {
            return url.toString();
        }
        if ("aud".equals(name) && value instanceof String audience) {
            return List.of(audience);
        }
        return value;
    }
}
