package dev.signet.client.internal;

import dev.signet.client.InvalidClaimException;
import dev.signet.client.LogoutToken;
import dev.signet.client.MissingClaimException;
import dev.signet.client.ReplayCache;
import dev.signet.client.TokenReplayedException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Logout token validation, OpenID Connect Back-Channel Logout 1.0 §2.6: signature as for ID tokens, {@code typ}
 * {@code logout+jwt} (Signet always sets it, and it keeps an ID token from passing as a logout token), {@code iss},
 * {@code aud}, {@code iat}, {@code exp}, {@code jti}, a {@code sub} or a {@code sid}, the back-channel logout event,
 * no {@code nonce}; finally the {@code jti} is recorded, and a token seen before is a replay.
 */
public final class LogoutTokenValidator {

    static final String KIND = "logout token";
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final ValidationSettings settings;
    private final ReplayCache replays;

    public LogoutTokenValidator(ValidationSettings settings, ReplayCache replays) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.replays = Objects.requireNonNull(replays, "replays");
    }

    public LogoutToken validate(String token) {
        SignedToken signed = SignedToken.verify(KIND, token, settings.algorithms(), Set.of("logout+jwt"),
                settings.keys());
        TokenClaims claims = new TokenClaims(KIND, signed.claims());
        Instant now = settings.clock().instant();
        claims.issuer(settings.issuer());
        claims.audienceAndAuthorizedParty(settings.clientId(), false);
        claims.times(now, settings.clockSkew(), true);
        String jti = claims.requiredString("jti");
        Optional<String> subject = claims.string("sub");
        Optional<String> sessionId = claims.string("sid");
        if (subject.isEmpty() && sessionId.isEmpty()) {
            throw new MissingClaimException("The logout token has neither sub nor sid: it does not say whose "
                    + "session ended");
        }
        Map<String, Object> events = claims.object("events").orElseThrow(() -> claims.missing("events"));
        Object event = events.get(EVENT);
        if (event == null) {
            throw new InvalidClaimException("The logout token's events claim has no " + EVENT + " member");
        }
        if (!(event instanceof Map<?, ?>)) {
            throw new InvalidClaimException("The logout token's " + EVENT + " event is not a JSON object");
        }
        claims.absent("nonce", "a nonce marks an ID token");
        Instant keepUntil = claims.requiredTime("exp").plus(settings.clockSkew());
        if (!replays.firstUse("logout " + settings.issuer() + " " + jti, keepUntil)) {
            throw new TokenReplayedException("A logout token with this jti was already accepted");
        }
        return new LogoutToken(settings.issuer(), subject, sessionId, jti, claims.requiredTime("iat"));
    }
}
