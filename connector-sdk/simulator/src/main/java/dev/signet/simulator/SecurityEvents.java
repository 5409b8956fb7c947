package dev.signet.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The security events Signet pushes to a service (RFC 8417 event types, subjects as the service sees them), for
 * {@link SignetSimulator#sendSecurityEvent(String, Event)}.
 */
public final class SecurityEvents {

    public static final String ACCOUNT_MERGED = "https://signet.dev/secevent/account-merged";
    public static final String LEGACY_IDENTITY_UNLINKED = "https://signet.dev/secevent/legacy-identity-unlinked";

    private SecurityEvents() {
    }

    /** One event: its type URI and payload. */
    public record Event(String type, Map<String, Object> payload) {
        public Event {
            Objects.requireNonNull(type, "type");
            payload = Map.copyOf(payload);
        }
    }

    /** Two accounts of one person were merged: {@code previousSubject} is now {@code subject}. */
    public static Event accountMerged(String previousSubject, String subject) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("previous_sub", Objects.requireNonNull(previousSubject, "previousSubject"));
        payload.put("sub", Objects.requireNonNull(subject, "subject"));
        return new Event(ACCOUNT_MERGED, payload);
    }

    /** The legacy identity {@code legacySubject} at {@code connector} is no longer linked to {@code subject}. */
    public static Event legacyIdentityUnlinked(String subject, String connector, String legacySubject) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", Objects.requireNonNull(subject, "subject"));
        payload.put("legacy_subject", Objects.requireNonNull(legacySubject, "legacySubject"));
        payload.put("connector", Objects.requireNonNull(connector, "connector"));
        return new Event(LEGACY_IDENTITY_UNLINKED, payload);
    }
}
