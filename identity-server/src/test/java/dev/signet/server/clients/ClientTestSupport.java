package dev.signet.server.clients;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.stream.Collectors;

/** Keys and helpers for tests that act as a relying party (test clients: src/test/resources/signet/). */
final class ClientTestSupport {

    private ClientTestSupport() {
    }

    /** The private key of {@code test-pkjwt}, whose public half is in test-relying-parties.yml. */
    static ECKey testPkjwtKey() {
        try (InputStream in = ClientTestSupport.class.getResourceAsStream("/signet/test-pkjwt-private.jwk.json")) {
            return ECKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key no relying party registered: what a forger has. */
    static ECKey strangerKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("test-pkjwt-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(ECKey key, JWTClaimsSet claims) {
        return sign(key, null, claims);
    }

    /** Signed with {@code typ} in the JOSE header ({@code null}: no typ). */
    static String sign(ECKey key, String type, JWTClaimsSet claims) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID());
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
