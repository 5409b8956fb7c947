package dev.signet.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a {@link SecurityEventToken}. Signet tells relying parties about changes to who a citizen is; switch on
 * the type:
 *
 * <pre>{@code
 * switch (event) {
 *     case SecurityEvent.AccountMerged merged -> users.replaceSubject(merged.previousSubject(), merged.subject());
 *     case SecurityEvent.LegacyIdentityUnlinked unlinked -> users.forgetLegacyLink(unlinked.subject(), ...);
 *     case SecurityEvent.Other other -> log.info("Ignoring security event {}", other.type());
 * }
 * }</pre>
 */
public sealed interface SecurityEvent {

    /** Event type URI of an account merge. */
    String ACCOUNT_MERGED = "https://signet.dev/secevent/account-merged";
    /** Event type URI of a legacy identity being unlinked from an account. */
    String LEGACY_IDENTITY_UNLINKED = "https://signet.dev/secevent/legacy-identity-unlinked";

    /** The event type URI (the member name in the {@code events} claim). */
    String type();

    /**
     * Two Signet accounts of one person were merged. The citizen your service knew as {@code previousSubject} is now
     * {@code subject}: move what you hold under the old identifier to the new one. Payload:
     * {@code {"previous_sub": "...", "sub": "..."}}, both as your service sees them.
     */
    record AccountMerged(String previousSubject, String subject) implements SecurityEvent {
        public AccountMerged {
            Objects.requireNonNull(previousSubject, "previousSubject");
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public String type() {
            return ACCOUNT_MERGED;
        }
    }

    /**
     * A legacy identity was unlinked from the citizen's account: stop relating your old record to them. Payload:
     * {@code {"sub": "...", "legacy_subject": "...", "connector": "..."}} ({@code sub} required).
     */
    record LegacyIdentityUnlinked(String subject, Optional<String> legacySubject, Optional<String> connector)
            implements SecurityEvent {
        public LegacyIdentityUnlinked {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(legacySubject, "legacySubject");
            Objects.requireNonNull(connector, "connector");
        }

        @Override
        public String type() {
            return LEGACY_IDENTITY_UNLINKED;
        }
    }

    /** An event type this client does not know; its payload is passed on as JSON values. */
    record Other(String type, Map<String, Object> payload) implements SecurityEvent {
        public Other {
            Objects.requireNonNull(type, "type");
            payload = Map.copyOf(payload);
        }
    }
}
