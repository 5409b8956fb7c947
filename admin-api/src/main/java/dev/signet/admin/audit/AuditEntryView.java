package dev.signet.admin.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.core.audit.AuditChain;
import dev.signet.core.audit.AuditEntry;
import java.util.Map;

/**
 * An audit entry as the API shows it: the same members as a line of the export (docs/audit-log.md), so an entry read
 * here can be checked with the same recipe.
 */
public record AuditEntryView(
        int v,
        long seq,
        @JsonProperty("occurred_at") String occurredAt,
        ActorView actor,
        String type,
        String account,
        @JsonProperty("client_address") String clientAddress,
        @JsonProperty("user_agent") String userAgent,
        Map<String, String> details,
        String prev,
        String hash) {

    /** Who acted: {@code OPERATOR}, {@code CITIZEN}, {@code ANONYMOUS} or {@code SYSTEM}, and their id. */
    public record ActorView(String type, String id) {
    }

    public static AuditEntryView of(AuditEntry entry) {
        var event = entry.event();
        return new AuditEntryView(AuditChain.VERSION, entry.seq(), AuditChain.formatTime(event.occurredAt()),
                new ActorView(event.actor().type().name(), event.actor().id().orElse(null)), event.type().value(),
                event.accountId().map(Object::toString).orElse(null), event.origin().clientAddress().orElse(null),
                event.origin().userAgent().orElse(null), event.details(), entry.prevHash(), entry.hash());
    }
}
