package dev.signet.admin.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Plays Signet's part for the admin API's tests: a real HTTP server on loopback serving a JWKS, and access tokens
 * signed with its key, shaped as identity-server issues them (ES256, iss, aud, sub, scope, exp, jti). Other keys sign
 * tokens Signet never issued. The end-to-end test in identity-server uses the real Signet instead.
 */
public final class LocalSignet {

    public static final String AUDIENCE = "signet-admin-api";

    private static LocalSignet instance;

    private final HttpServer server;
    private final ECKey key;
    private final ECKey strangerKey;

    private LocalSignet() throws IOException, JOSEException {
        key = new ECKeyGenerator(Curve.P_256).keyID("signet-test-" + UUID.randomUUID()).generate();
        strangerKey = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    /** One server per test JVM. */
    public static synchronized LocalSignet get() {
        if (instance == null) {
            try {
                instance = new LocalSignet();
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException("Could not start the local JWKS server", e);
            }
        }
        return instance;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A valid token for the operator client {@code subject} with these scopes. */
    public String token(String subject, String... scopes) {
        return sign(key, claims(subject, issuer(), List.of(subject, AUDIENCE), Instant.now().plusSeconds(300),
                scopes));
    }

    public String tokenFor(String subject, String issuer, List<String> audience, Instant expiry, String... scopes) {
        return sign(key, claims(subject, issuer, audience, expiry, scopes));
    }

    /** Looks like Signet's but is signed with another key (same kid). */
    public String forgedToken(String subject, String... scopes) {
        return sign(strangerKey, claims(subject, issuer(), List.of(AUDIENCE), Instant.now().plusSeconds(300),
                scopes));
    }

    private static JWTClaimsSet claims(String subject, String issuer, List<String> audience, Instant expiry,
            String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now.minus(Duration.ofSeconds(5))))
                .notBeforeTime(Date.from(now.minus(Duration.ofSeconds(5))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", List.of(scopes))
                .build();
    }

    private static String sign(ECKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
