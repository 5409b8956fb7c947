package dev.signet.server.logout;

import dev.signet.server.outbox.RetrySchedule;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.logout.*}: how back-channel logout tokens are delivered to relying parties.
 *
 * @param pollInterval    how often each instance looks for deliveries that are due
 * @param requestTimeout  how long one POST to a relying party may take
 * @param maxAttempts     attempts per relying party before the delivery is marked failed
 * @param firstRetryDelay wait after the first failed attempt; doubled after each further failure
 * @param maxRetryDelay   the longest wait between two attempts
 * @param tokenLifetime   {@code exp - iat} of a logout token (kept short: it is signed afresh on every attempt)
 * @param keepFinished    how long delivered and failed deliveries are kept for inspection
 */
@Validated
@ConfigurationProperties("signet.logout")
public record LogoutProperties(@NotNull Duration pollInterval, @NotNull Duration requestTimeout, int maxAttempts,
        @NotNull Duration firstRetryDelay, @NotNull Duration maxRetryDelay, @NotNull Duration tokenLifetime,
        @NotNull Duration keepFinished) {

    public LogoutProperties {
        positive("signet.logout.poll-interval", pollInterval);
        positive("signet.logout.request-timeout", requestTimeout);
        positive("signet.logout.first-retry-delay", firstRetryDelay);
        positive("signet.logout.max-retry-delay", maxRetryDelay);
        positive("signet.logout.token-lifetime", tokenLifetime);
        positive("signet.logout.keep-finished", keepFinished);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("signet.logout.max-attempts must be at least 1, but was " + maxAttempts);
        }
        if (tokenLifetime != null && tokenLifetime.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("signet.logout.token-lifetime must be at most 10 minutes, but was "
                    + tokenLifetime);
        }
    }

    /** The retry rule of every outbox worker ({@code maxAttempts}, {@link #retryDelayAfter}). */
    public RetrySchedule retrySchedule(Clock clock) {
        return new RetrySchedule(maxAttempts, this::retryDelayAfter, clock);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts. */
    public Duration retryDelayAfter(int attempt) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private static void positive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be a positive duration, but was " + value);
        }
    }
}
