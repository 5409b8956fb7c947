package dev.signet.server.testing;

import dev.signet.core.audit.AuditEntry;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditFilter;
import dev.signet.core.audit.AuditLog;
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
}
