package dev.signet.bench.micro;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Claims shaped like the server's JWT access tokens, so that serialisation costs what it costs in production. */
final class Tokens {

    static final String ISSUER = "http://127.0.0.1:8080";

    private Tokens() {
    }

    static JWTClaimsSet accessTokenClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("3f0c9a4e-6d2b-4c1e-9f7a-2b8d5e1c7a90")
                .audience(List.of("bench-client"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "bench-client")
                .claim("scope", List.of("openid", "email"))
                .build();
    }
}
