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
 */
@Validated
@ConfigurationProperties("signet.sessions")
public record SessionProperties(@NotNull Duration absoluteLifetime) {

    public SessionProperties {
        if (absoluteLifetime != null && (absoluteLifetime.isNegative() || absoluteLifetime.isZero())) {
            throw new IllegalArgumentException(
                    "signet.sessions.absolute-lifetime must be a positive duration, but was '" + absoluteLifetime + "'");
        }
    }
}
