package dev.signet.server.protection;

import dev.signet.server.signin.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * How a refused attempt is shown: status 429 with {@code Retry-After} (RFC 9110 §10.2.3), and a message on the form
 * that says how long to wait, in seconds under two minutes and in minutes (rounded up) from then on.
 */
public final class WaitMessages {

    private WaitMessages() {
    }

    /** Sets 429 and Retry-After; returns the form error to show on {@code field}. */
    public static FormErrors refused(HttpServletResponse response, LimitedAttempt.Refused refused, String field,
            String messagePrefix) {
        tooManyRequests(response, refused.retryAfter());
        return new FormErrors().add(field, messagePrefix + unit(refused.retryAfter()), amount(refused.retryAfter()));
    }

    public static void tooManyRequests(HttpServletResponse response, Duration retryAfter) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    /** {@code .seconds} or {@code .minutes}, the suffix of the message key. */
    public static String unit(Duration wait) {
        return wait.compareTo(Duration.ofMinutes(2)) < 0 ? ".seconds" : ".minutes";
    }

    /** The number the message quotes, in the unit of {@link #unit}. */
    public static long amount(Duration wait) {
        if (wait.compareTo(Duration.ofMinutes(2)) < 0) {
            return Math.max(1, wait.toSeconds());
        }
        long minutes = wait.toMinutes();
        return wait.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
    }
}
