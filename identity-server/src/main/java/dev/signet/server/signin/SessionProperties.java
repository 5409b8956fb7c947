package dev.signet.server.signin;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.sessions.*}. The idle timeout is Spring Boot's own {@code server.servlet.session.timeout}; this record
 * holds what Boot has no setting for.
 *
 * @param absoluteLifetime how long a sign-in lasts however active the citizen is; after it they must sign in again
 * @param recentSignIn     how long after signing in a citizen may end their sessions from the account page without
 *                         typing their password again (a browser left signed in for longer must prove it is them)
 */
@Validated
@ConfigurationProperties("signet.sessions")
public record SessionProperties(@NotNull Duration absoluteLifetime, @NotNull Duration recentSignIn) {

    public SessionProperties {
        requirePositive("signet.sessions.absolute-lifetime", absoluteLifetime);
        requirePositive("signet.sessions.recent-sign-in", recentSignIn);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be a positive duration, but was '" + value + "'");
        }
    }
}
