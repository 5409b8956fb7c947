package dev.signet.core.sessions;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signed-in session says about itself to readers other than identity-server: when and how strongly the citizen
 * authenticated, and the device's browser and system. identity-server keeps it in the session as a plain string
 * attribute ({@link #ATTRIBUTE}), because the rest of the session (the security context) holds identity-server's own
 * classes, which no other service can or should deserialise. Format: {@code key=value} pairs joined by {@code ;},
 * keys {@code signed_in_at} (ISO-8601 instant), {@code level}, {@code browser}, {@code system}; a missing key is
 * unknown. Values are fixed names and instants, never containing {@code ;} or {@code =}.
 */
public record SessionSummary(Instant signedInAt, Optional<String> level, Optional<String> browser,
        Optional<String> system) {

    /** The session attribute that holds the summary. */
    public static final String ATTRIBUTE = "signet.sessionSummary";

    public SessionSummary {
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(system, "system");
    }

    public String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signed_in_at", signedInAt.toString());
        level.ifPresent(value -> fields.put("level", value));
        browser.ifPresent(value -> fields.put("browser", value));
        system.ifPresent(value -> fields.put("system", value));
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> {
            requirePlain(value);
            text.append(text.isEmpty() ? "" : ";").append(key).append('=').append(value);
        });
        return text.toString();
    }

    /** The summary in {@code text}, or empty when it is not one (no or an unreadable {@code signed_in_at}). */
    public static Optional<SessionSummary> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        try {
            Instant signedInAt = Instant.parse(fields.getOrDefault("signed_in_at", ""));
            return Optional.of(new SessionSummary(signedInAt, Optional.ofNullable(fields.get("level")),
                    Optional.ofNullable(fields.get("browser")), Optional.ofNullable(fields.get("system"))));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static void requirePlain(String value) {
        if (value.indexOf(';') >= 0 || value.indexOf('=') >= 0) {
            throw new IllegalArgumentException("A session summary value may not contain ';' or '=': " + value);
        }
    }
}
