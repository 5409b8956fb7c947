package dev.signet.client.internal;

import dev.signet.client.InvalidClaimException;
import dev.signet.client.ReplayCache;
import dev.signet.client.SecurityEvent;
import dev.signet.client.SecurityEventToken;
import dev.signet.client.TokenExpiredException;
import dev.signet.client.TokenReplayedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Security Event Token validation (RFC 8417): signature as for ID tokens, {@code typ} {@code secevent+jwt} (§2.3),
 * {@code iss}, {@code aud}, {@code iat}, {@code jti}, {@code exp} when present, an {@code events} object with at least
 * one event whose payload is an object, no {@code nonce} (§4.3, so an ID token cannot pass as a SET); a SET without
 * {@code exp} older than {@code maxAge} is refused, and the {@code jti} is recorded against replays.
 */
public final class SecurityEventTokenValidator {

    static final String KIND = "security event token";

    private final ValidationSettings settings;
    private final ReplayCache replays;
    private final Duration maxAge;

    public SecurityEventTokenValidator(ValidationSettings settings, ReplayCache replays, Duration maxAge) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    public SecurityEventToken validate(String token) {
        SignedToken signed = SignedToken.verify(KIND, token, settings.algorithms(), Set.of("secevent+jwt"),
                settings.keys());
        TokenClaims claims = new TokenClaims(KIND, signed.claims());
        Instant now = settings.clock().instant();
        claims.issuer(settings.issuer());
        claims.audienceAndAuthorizedParty(settings.clientId(), false);
        claims.times(now, settings.clockSkew(), false);
        Instant issuedAt = claims.requiredTime("iat");
        Optional<Instant> exp = claims.time("exp");
        Instant keepUntil = exp.orElse(issuedAt.plus(maxAge)).plus(settings.clockSkew());
        if (exp.isEmpty() && now.isAfter(keepUntil)) {
            throw new TokenExpiredException("The security event token was issued at " + issuedAt + ", more than "
                    + maxAge.toSeconds() + " s ago");
        }
        String jti = claims.requiredString("jti");
        Map<String, Object> events = claims.object("events").orElseThrow(() -> claims.missing("events"));
        if (events.isEmpty()) {
            throw new InvalidClaimException("The security event token's events claim names no event");
        }
        claims.absent("nonce", "a nonce marks an ID token (RFC 8417 §4.3)");
        List<SecurityEvent> parsed = new ArrayList<>();
        for (Map.Entry<String, Object> event : events.entrySet()) {
            if (!(event.getValue() instanceof Map<?, ?> payload)) {
                throw new InvalidClaimException("The security event " + event.getKey() + " is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            TokenClaims payloadClaims = new TokenClaims("security event " + event.getKey(),
                    (Map<String, Object>) payload);
            parsed.add(switch (event.getKey()) {
                case SecurityEvent.ACCOUNT_MERGED -> new SecurityEvent.AccountMerged(
                        payloadClaims.requiredString("previous_sub"), payloadClaims.requiredString("sub"));
                case SecurityEvent.LEGACY_IDENTITY_UNLINKED -> new SecurityEvent.LegacyIdentityUnlinked(
                        payloadClaims.requiredString("sub"), payloadClaims.string("legacy_subject"),
                        payloadClaims.string("connector"));
                default -> new SecurityEvent.Other(event.getKey(), payloadClaims.frozen());
            });
        }
        if (!replays.firstUse("secevent " + settings.issuer() + " " + jti, keepUntil)) {
            throw new TokenReplayedException("A security event token with this jti was already accepted");
        }
        return new SecurityEventToken(settings.issuer(), jti, issuedAt, claims.string("sub"), parsed);
    }
}
