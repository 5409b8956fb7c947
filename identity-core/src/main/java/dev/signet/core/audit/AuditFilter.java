package dev.signet.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which entries to read. Every present criterion must hold; empty means "any".
 *
 * @param accountId entries about this account
 * @param actorType entries by this kind of actor
 * @param actorId   entries by this actor (operator subject, account id or component)
 * @param types     entries of any of these types (empty set: any type)
 * @param from      entries that occurred at or after this instant (to the microsecond)
 * @param to        entries that occurred before this instant (to the microsecond)
 */
public record AuditFilter(
        Optional<UUID> accountId,
        Optional<ActorType> actorType,
        Optional<String> actorId,
        Set<AuditEventType> types,
        Optional<Instant> from,
        Optional<Instant> to) {

    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Set.of(), Optional.empty(), Optional.empty());

    public AuditFilter {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(actorId, "actorId");
        types = Set.copyOf(types);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // Entries keep microseconds (as PostgreSQL does); bounds are compared at the same precision.
        from = from.map(instant -> instant.truncatedTo(ChronoUnit.MICROS));
        to = to.map(instant -> instant.truncatedTo(ChronoUnit.MICROS));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public AuditFilter withAccount(UUID account) {
        return new AuditFilter(Optional.of(account), actorType, actorId, types, from, to);
    }

    public AuditFilter withTypes(Set<AuditEventType> newTypes) {
        return new AuditFilter(accountId, actorType, actorId, newTypes, from, to);
    }

    public AuditFilter withActor(ActorType type, String id) {
        return new AuditFilter(accountId, Optional.ofNullable(type), Optional.ofNullable(id), types, from, to);
    }

    public AuditFilter between(Instant newFrom, Instant newTo) {
        return new AuditFilter(accountId, actorType, actorId, types, Optional.ofNullable(newFrom),
                Optional.ofNullable(newTo));
    }
}
