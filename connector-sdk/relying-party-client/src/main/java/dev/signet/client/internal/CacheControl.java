package dev.signet.client.internal;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a response may be used without asking again (RFC 9111 §4.2.1): {@code max-age} less {@code Age}; none
 * for {@code no-store}/{@code no-cache}; the default when the response does not say. Bounded so that a wrong header
 * can neither pin keys for days nor make every validation fetch.
 */
public final class CacheControl {

    private CacheControl() {
    }

    public static Duration freshness(HttpHeaders headers, Duration whenUnspecified, Duration longest) {
        Optional<Duration> maxAge = maxAge(headers);
        Duration fresh = maxAge.orElse(whenUnspecified);
        long age = headers.firstValue("Age").map(CacheControl::seconds).orElse(0L);
        fresh = fresh.minusSeconds(Math.max(age, 0));
        if (fresh.isNegative()) {
            return Duration.ZERO;
        }
        return fresh.compareTo(longest) > 0 ? longest : fresh;
    }

    static Optional<Duration> maxAge(HttpHeaders headers) {
        Long maxAge = null;
        for (String header : headers.allValues("Cache-Control")) {
            for (String directive : header.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-store") || d.equals("no-cache") || d.startsWith("no-cache=")) {
                    return Optional.of(Duration.ZERO);
                }
                if (d.startsWith("max-age=")) {
                    long seconds = seconds(d.substring("max-age=".length()).replace("\"", ""));
                    maxAge = seconds < 0 ? 0 : seconds;
                }
            }
        }
        return Optional.ofNullable(maxAge).map(Duration::ofSeconds);
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0; // RFC 9111 §4.2.1: an invalid freshness lifetime means stale
        }
    }
}
