package dev.signet.server.oidc.trust;

import dev.signet.server.signin.CredentialTrustLevel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an authentication request says about the sign-in it will accept (OpenID Connect Core §3.1.2.1): {@code prompt}
 * ({@code none}: no page may be shown; {@code login}: the citizen must authenticate again), {@code max_age} (the
 * longest time since the citizen last actively authenticated) and the credential trust its {@code vtr} needs.
 */
record FreshnessRequest(boolean promptNone, boolean promptLogin, Optional<Duration> maxAge,
        Optional<CredentialTrustLevel> requiredTrust) {

    FreshnessRequest {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(requiredTrust, "requiredTrust");
    }

    /**
     * @throws IllegalArgumentException when {@code max_age} is not a non-negative whole number of seconds
     */
    static FreshnessRequest from(Map<String, Object> parameters) {
        Set<String> prompt = parameters.get("prompt") instanceof String text
                ? Arrays.stream(text.split(" ")).filter(value -> !value.isEmpty()).collect(Collectors.toSet())
                : Set.of();
        return new FreshnessRequest(prompt.contains("none"), prompt.contains("login"), maxAge(parameters.get("max_age")),
                RequestedTrust.required(parameters));
    }

    private static Optional<Duration> maxAge(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        if (!text.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("max_age must be a non-negative number of seconds");
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
}
