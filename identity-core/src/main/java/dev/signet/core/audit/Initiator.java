package dev.signet.core.audit;

import java.util.Map;
import java.util.Objects;

/**
 * Who asks for a change to an account and why, as its audit entries will say: the actor (an operator, or the citizen
 * in their own journey), where the request came from, a reason (an operator's ticket and a few words; a journey's own
 * fixed wording) and any further details the caller audits with every action (such as the operator's client id).
 */
public record Initiator(Actor actor, AuditOrigin origin, String reason, Map<String, String> auditDetails) {

    public Initiator {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
        auditDetails = Map.copyOf(auditDetails);
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A change to an account needs a reason for the audit log");
        }
    }

    public static Initiator of(Actor actor, AuditOrigin origin, String reason) {
        return new Initiator(actor, origin, reason, Map.of());
    }
}
