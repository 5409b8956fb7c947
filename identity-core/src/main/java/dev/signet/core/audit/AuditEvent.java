package dev.signet.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Something to write to the audit log: who, what, when, from where, on which account.
 *
 * @param occurredAt when it happened (kept to the microsecond, as PostgreSQL stores it)
 * @param actor      who did it
 * @param type       what happened
 * @param accountId  the citizen account it concerns, if any
 * @param origin     where the request came from
 * @param details    a few small facts about it (at most 16, keys {@code snake_case}); never a secret, password,
 *                   code or token: keys that name one are refused
 */
public record AuditEvent(
        Instant occurredAt,
        Actor actor,
        AuditEventType type,
        Optional<UUID> accountId,
        AuditOrigin origin,
        Map<String, String> details) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|passcode|otp|private_key|token).*");
    static final int MAX_DETAILS = 16;
    static final int MAX_DETAIL_CHARS = 500;

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(details, "details");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("An audit event has at most " + MAX_DETAILS + " details");
        }
        TreeMap<String, String> cleaned = new TreeMap<>();
        details.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Audit detail keys are snake_case, up to 40 characters: " + key);
            }
            if (SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches()) {
                throw new IllegalArgumentException("Audit details never hold secrets; refused key: " + key);
            }
            cleaned.put(key, AuditText.clean(Objects.requireNonNull(value, key), MAX_DETAIL_CHARS));
        });
        details = Collections.unmodifiableMap(cleaned);
    }

    /** An event without details. */
    public static AuditEvent of(Instant occurredAt, Actor actor, AuditEventType type, Optional<UUID> accountId,
            AuditOrigin origin) {
        return new AuditEvent(occurredAt, actor, type, accountId, origin, Map.of());
    }
}
