package dev.signet.server.logout;

import dev.signet.core.logout.LogoutDelivery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Signs logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4) with the server's signing keys, in the algorithm
 * the relying party gets its ID tokens in. {@code jti} is the delivery id, the same on every attempt; no nonce.
 */
public final class LogoutTokens {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final JwtEncoder encoder;
    private final String issuer;
    private final LogoutProperties properties;
    private final Clock clock;

    public LogoutTokens(JwtEncoder encoder, String issuer, LogoutProperties properties, Clock clock) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String issue(LogoutDelivery delivery, RegisteredClient client) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(client.getClientId()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .id(delivery.id().toString())
                .subject(delivery.notice().subject())
                .claim("events", Map.of(EVENT, Map.of()));
        delivery.notice().sessionId().ifPresent(sid -> claims.claim("sid", sid));
        SignatureAlgorithm algorithm = client.getTokenSettings().getIdTokenSignatureAlgorithm();
        JwsHeader header = JwsHeader.with(algorithm != null ? algorithm : SignatureAlgorithm.ES256)
                .type("logout+jwt").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
