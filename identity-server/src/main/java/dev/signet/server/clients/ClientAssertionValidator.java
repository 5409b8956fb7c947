package dev.signet.server.clients;

import dev.signet.core.replay.ReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * RFC 7523 §3 rules for a {@code private_key_jwt} client assertion whose signature is already verified: {@code iss}
 * and {@code sub} are the client id, {@code aud} names this server (issuer or token endpoint), {@code exp} is present
 * and not too far ahead, and {@code jti} is used once. The {@code jti} is recorded only when everything else holds, so
 * a rejected assertion cannot burn an id.
 */
final class ClientAssertionValidator implements OAuth2TokenValidator<Jwt> {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final String REPLAY_NAMESPACE = "client-assertion";

    private final String clientId;
    private final Set<String> audiences;
    private final Duration maxLifetime;
    private final ReplayCache replayCache;
    private final Clock clock;

    ClientAssertionValidator(String clientId, Set<String> audiences, Duration maxLifetime, ReplayCache replayCache,
            Clock clock) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.audiences = Set.copyOf(audiences);
        this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
        this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt assertion) {
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        if (!clientId.equals(assertion.getClaimAsString("iss"))) {
            problems.add("iss must be the client id");
        }
        if (!clientId.equals(assertion.getSubject())) {
            problems.add("sub must be the client id");
        }
        List<String> aud = assertion.getAudience();
        if (aud == null || aud.stream().noneMatch(audiences::contains)) {
            problems.add("aud must be the issuer or the token endpoint");
        }
        Instant exp = assertion.getExpiresAt();
        if (exp == null) {
            problems.add("exp is required");
        } else if (exp.isBefore(now.minus(CLOCK_SKEW))) {
            problems.add("the assertion has expired");
        } else if (exp.isAfter(now.plus(maxLifetime).plus(CLOCK_SKEW))) {
            problems.add("exp is more than " + maxLifetime.toSeconds() + " s ahead");
        }
        Instant nbf = assertion.getNotBefore();
        if (nbf != null && nbf.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add("the assertion is not valid yet (nbf)");
        }
        Instant iat = assertion.getIssuedAt();
        if (iat != null && iat.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add("iat is in the future");
        }
        String jti = assertion.getId();
        if (jti == null || jti.isBlank()) {
            problems.add("jti is required");
        }
        if (problems.isEmpty()
                && !replayCache.firstUse(REPLAY_NAMESPACE + ':' + clientId, jti, exp.plus(CLOCK_SKEW))) {
            problems.add("this assertion (jti) has been used before");
        }
        if (problems.isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(problems.stream()
                .map(problem -> new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "Client assertion: " + problem,
                        "https://datatracker.ietf.org/doc/html/rfc7523#section-3"))
                .toList());
    }
}
