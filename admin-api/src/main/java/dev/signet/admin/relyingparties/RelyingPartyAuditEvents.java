package dev.signet.admin.relyingparties;

import dev.signet.core.audit.AuditEventType;

/**
 * The audit log's names for changes to relying parties. Every entry's details name the {@code client_id}; a secret
 * never appears in them, only the fact of a rotation and the end of its overlap.
 */
final class RelyingPartyAuditEvents {

    /** An operator registered a relying party; details: {@code client_id}, {@code auth_method}. */
    static final AuditEventType REGISTERED = new AuditEventType("operator.relying_party.registered");
    /** An operator changed a registration; details: {@code client_id}, {@code changed} (the fields). */
    static final AuditEventType UPDATED = new AuditEventType("operator.relying_party.updated");
    /** An operator disabled a relying party; details: {@code client_id}, {@code reason}. */
    static final AuditEventType DISABLED = new AuditEventType("operator.relying_party.disabled");
    /** An operator enabled a relying party again; details: {@code client_id}, {@code reason}. */
    static final AuditEventType ENABLED = new AuditEventType("operator.relying_party.enabled");
    /**
     * An operator gave a relying party a new secret; details: {@code client_id}, {@code reason}, {@code overlap_until}
     * (when the replaced secret stops working, or {@code none}).
     */
    static final AuditEventType SECRET_ROTATED = new AuditEventType("operator.relying_party.secret_rotated");
    /** An operator replaced a relying party's public keys; details: {@code client_id}, {@code keys}. */
    static final AuditEventType KEYS_REPLACED = new AuditEventType("operator.relying_party.keys_replaced");

    private RelyingPartyAuditEvents() {
    }
}
