package dev.signet.simulator.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import dev.signet.simulator.SimulatedClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Client authentication at the token and revocation endpoints, as Signet does it: {@code private_key_jwt} (RFC 7523:
 * {@code iss} = {@code sub} = client id, {@code aud} the issuer or the token endpoint, {@code exp} required and near,
 * each {@code jti} accepted once) with the client's registered public keys, or {@code client_secret_basic}.
 */
final class ClientAuthenticator {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration LONGEST_ASSERTION = Duration.ofMinutes(5);

    private final String issuer;
    private final String tokenEndpoint;
    private final Function<String, Optional<SimulatedClient>> clients;
    private final Map<String, Instant> usedAssertionIds = new ConcurrentHashMap<>();

    ClientAuthenticator(String issuer, String tokenEndpoint, Function<String, Optional<SimulatedClient>> clients) {
        this.issuer = issuer;
        this.tokenEndpoint = tokenEndpoint;
        this.clients = clients;
    }

    /** The authenticated client, or empty (answer {@code 401 invalid_client}). */
    Optional<SimulatedClient> authenticate(HttpExchange exchange, Map<String, String> form) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        if (form.containsKey("client_assertion")) {
            return assertion(form);
        }
        return Optional.empty();
    }

    private Optional<SimulatedClient> basic(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        // RFC 6749 §2.3.1: both halves are form-encoded before being joined.
        String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return clients.apply(clientId)
                .filter(client -> client.clientSecret().isPresent()
                        && Randoms.same(client.clientSecret().get(), secret));
    }

    private Optional<SimulatedClient> assertion(Map<String, String> form) {
        if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            return Optional.empty();
        }
        String assertion = form.get("client_assertion");
        String named;
        try {
            named = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            return Optional.empty();
        }
        if (named == null || (form.containsKey("client_id") && !form.get("client_id").equals(named))) {
            return Optional.empty();
        }
        Optional<SimulatedClient> client = clients.apply(named);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        Optional<JWTClaimsSet> verified = ClientKeys.verify(client.get(), assertion);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        JWTClaimsSet claims = verified.get();
        Instant now = Instant.now();
        boolean rightAudience = TokenIssuer.audience(claims).stream()
                .anyMatch(audience -> audience.equals(issuer) || audience.equals(tokenEndpoint));
        if (!named.equals(claims.getIssuer()) || !rightAudience || claims.getExpirationTime() == null
                || claims.getJWTID() == null) {
            return Optional.empty();
        }
        Instant expires = claims.getExpirationTime().toInstant();
        if (expires.plus(SKEW).isBefore(now) || expires.isAfter(now.plus(LONGEST_ASSERTION).plus(SKEW))) {
            return Optional.empty();
        }
        usedAssertionIds.values().removeIf(until -> until.isBefore(now));
        if (usedAssertionIds.putIfAbsent(named + " " + claims.getJWTID(), expires.plus(SKEW)) != null) {
            return Optional.empty(); // a replayed assertion
        }
        return client;
    }
}
