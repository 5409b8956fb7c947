package dev.signet.server.testing;

import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Audit entries as tests await them: sign-in events are written off the request, by the audit writer's thread. */
public final class AuditEntries {

    private static final long PATIENCE_MILLIS = 20_000;

    private AuditEntries() {
    }

    /** The account's latest entry of that type, once it has been written. */
    public static AuditEntry await(AuditLog log, UUID accountId, AuditEventType type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<AuditEntry> found = log.find(AuditFilter.ALL.withAccount(accountId), Optional.empty(), 100)
                    .entries().stream().filter(entry -> entry.event().type().equals(type)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No " + type + " audit entry for " + accountId);
    }

    /** The types of the account's entries, oldest first, once at least {@code count} have been written. */
    public static List<AuditEventType> awaitTypes(AuditLog log, UUID accountId, int count)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        List<AuditEventType> types = List.of();
        while (System.currentTimeMillis() < deadline) {
            List<AuditEntry> entries = new ArrayList<>(log.find(AuditFilter.ALL.withAccount(accountId),
                    Optional.empty(), 100).entries());
            Collections.reverse(entries);
            types = entries.stream().map(entry -> entry.event().type()).toList();
            if (types.size() >= count) {
                return types;
            }
            Thread.sleep(20);
        }
        return types;
    }

    /** Whether a sign_in.failed entry naming no account, with these details, is written since {@code since}. */
    public static boolean awaitAnonymousSignInFailure(AuditLog log, Instant since, Map<String, String> details)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            boolean written = log.find(AuditFilter.ALL.between(since, null), Optional.empty(), 100).entries()
                    .stream().anyMatch(entry -> entry.event().type().equals(AuditEventType.SIGN_IN_FAILED)
                            && entry.event().accountId().isEmpty()
                            && entry.event().details().entrySet().containsAll(details.entrySet()));
            if (written) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
