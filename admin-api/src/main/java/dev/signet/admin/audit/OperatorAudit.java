package dev.signet.admin.audit;

import dev.signet.admin.security.Operators;
import dev.signet.core.audit.AuditEvent;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.audit.AuditLog;
import dev.signet.core.audit.AuditOrigin;
import dev.signet.core.audit.Initiator;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes an operator's action to the audit log: the operator (the token's subject, and its client when that differs),
 * the action, the account it concerns, and where the request came from.
 *
 * <p>Decision: operator actions fail closed. The entry is written before the response is sent (for a change, in the
 * change's own transaction), and when it cannot be written the request fails with a 500: no operator reads or changes
 * anything that the audit log does not show.
 */
@Component
public class OperatorAudit {

    private static final Logger log = LoggerFactory.getLogger(OperatorAudit.class);

    private final AuditLog auditLog;
    private final Clock clock;

    public OperatorAudit(AuditLog auditLog, Clock clock) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The operator as the initiator of a change that identity-core audits itself (in the change's transaction): the
     * same actor, origin and {@code client_id} detail as {@link #record} writes.
     */
    public Initiator initiator(Authentication operator, HttpServletRequest request, String reason) {
        return new Initiator(Operators.actor(operator), AuditOrigin.of(request.getRemoteAddr(),
                request.getHeader("User-Agent")), reason, Operators.clientId(operator)
                .map(client -> Map.of("client_id", client)).orElse(Map.of()));
    }

    public void record(Authentication operator, HttpServletRequest request, AuditEventType type,
            Optional<UUID> accountId, Map<String, String> details) {
        Map<String, String> all = new TreeMap<>(details);
        Operators.clientId(operator).ifPresent(client -> all.put("client_id", client));
        try {
            auditLog.append(new AuditEvent(clock.instant(), Operators.actor(operator), type, accountId,
                    AuditOrigin.of(request.getRemoteAddr(), request.getHeader("User-Agent")), all));
        } catch (RuntimeException e) {
            log.error("AUDIT WRITE FAILED: operator action {} by {} refused because it could not be audited", type,
                    operator.getName(), e);
            throw e;
        }
    }
}
