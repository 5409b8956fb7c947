package dev.signet.server.migration;

import dev.signet.connector.LegacyIdentity;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What checking the citizen at an old system gave (its login name and password, or an upstream sign-in). */
sealed interface LegacyCheck {

    /** Too many attempts for this login name or from this address: nothing was checked (or a lockout just began). */
    record TooManyAttempts(Duration retryAfter) implements LegacyCheck {
    }

    /** Wrong login name or password: told exactly like a wrong Signet password. */
    record WrongDetails() implements LegacyCheck {
    }

    /** The old system could not answer. */
    record LegacyUnavailable() implements LegacyCheck {
    }

    /** Right details for a legacy identity already linked to {@code accountId}. */
    record Linked(UUID accountId) implements LegacyCheck {
    }

    /**
     * Right details for a legacy identity not linked yet.
     *
     * @param passwordHash the legacy password hashed for Signet (Argon2id), ready to become the new account's
     *                     password: the journey keeps it in the session instead of the password itself; empty when
     *                     the citizen signed in at an upstream provider, which shows Signet no password
     */
    record NotLinked(LegacyIdentity identity, Optional<String> passwordHash) implements LegacyCheck {
        public NotLinked {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(passwordHash, "passwordHash");
        }
    }
}
