package dev.signet.core.merge;

import java.util.Objects;
import java.util.Optional;

/**
 * A legacy identity a merge moved from the source account to the target, as it was on the source. Prints without the
 * legacy subject, which is personal data.
 *
 * @param passwordFingerprint the link's fingerprint on the source, given back by an undo (on the target it is cleared:
 *                            the target's password was not made from this identity's legacy password)
 */
public record MovedIdentity(String connectorId, String legacySubject, Optional<String> passwordFingerprint) {

    public MovedIdentity {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(legacySubject, "legacySubject");
        Objects.requireNonNull(passwordFingerprint, "passwordFingerprint");
    }

    @Override
    public String toString() {
        return "MovedIdentity[connectorId=" + connectorId + ", legacySubject=(redacted)]";
    }
}
