package dev.signet.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One citizen's Signet account: the single identity that every relying party and every linked legacy account hangs off.
 *
 * @param id            stable internal identifier; never shown to relying parties (they get a pairwise {@code sub})
 * @param email         the sign-in email address, as the citizen typed it (compared case-insensitively)
 * @param emailVerified whether control of {@code email} has been proven with a one-time code
 * @param passwordHash  the PHC string of the password hash, absent for passkey-only or not-yet-completed accounts
 * @param status        interventions applied to the account
 * @param createdAt     when the account was created
 * @param updatedAt     when the account last changed; doubles as the optimistic-locking version for operators
 */
public record Account(
        UUID id,
        String email,
        boolean emailVerified,
        Optional<String> passwordHash,
        AccountStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Account withPasswordHash(String newHash, Instant at) {
        return new Account(id, email, emailVerified, Optional.of(newHash), status, createdAt, at);
    }
}
