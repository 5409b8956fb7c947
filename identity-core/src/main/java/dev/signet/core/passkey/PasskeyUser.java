package dev.signet.core.passkey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The WebAuthn user of an account: made the first time the citizen starts registering a passkey.
 *
 * @param accountId  the Signet account
 * @param userHandle the WebAuthn {@code user.id}, base64url without padding: random bytes, never personal information
 * @param createdAt  when it was made
 */
public record PasskeyUser(UUID accountId, String userHandle, Instant createdAt) {

    public PasskeyUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(createdAt, "createdAt");
        if (userHandle.isEmpty()) {
            throw new IllegalArgumentException("userHandle must not be empty");
        }
    }
}
