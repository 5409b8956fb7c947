package dev.signet.core.links;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A legacy identity linked to a Signet account. Prints without the legacy subject, which is personal data.
 *
 * @param accountId           the Signet account
 * @param connectorId         the connector that vouches for the legacy identity
 * @param legacySubject       the legacy system's stable identifier for the person
 * @param linkedAt            when the link was made
 * @param linkedBy            how the citizen proved it, as stored ({@link LinkMethod#value()}, or a later method's name)
 * @param passwordFingerprint present while the account's password hash is the one made from this identity's legacy
 *                            password: {@link PasswordFingerprint} of that hash
 */
public record LinkedIdentity(UUID accountId, String connectorId, String legacySubject, Instant linkedAt,
        String linkedBy, Optional<String> passwordFingerprint) {

    public LinkedIdentity {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(legacySubject, "legacySubject");
        Objects.requireNonNull(linkedAt, "linkedAt");
        Objects.requireNonNull(linkedBy, "linkedBy");
        Objects.requireNonNull(passwordFingerprint, "passwordFingerprint");
        if (connectorId.isBlank() || legacySubject.isEmpty() || linkedBy.isBlank()) {
            throw new IllegalArgumentException("A linked identity needs a connector id, a legacy subject and a method");
        }
    }

    /** A new link made by {@code method}. */
    public static LinkedIdentity of(UUID accountId, String connectorId, String legacySubject, Instant linkedAt,
            LinkMethod method, Optional<String> passwordFingerprint) {
        return new LinkedIdentity(accountId, connectorId, legacySubject, linkedAt, method.value(),
                passwordFingerprint);
    }

    @Override
    public String toString() {
        return "LinkedIdentity[accountId=" + accountId + ", connectorId=" + connectorId
                + ", legacySubject=(redacted), linkedAt=" + linkedAt + ", linkedBy=" + linkedBy + "]";
    }
}
