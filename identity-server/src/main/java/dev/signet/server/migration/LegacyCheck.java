package dev.signet.server.migration;

import dev.signet.connector.LegacyIdentity;
import dev.signet.core.password.PasswordProblem;
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

    /**
     * Right details for a legacy identity already linked to {@code accountId}.
     *
     * @param newPasswordNeeded why the citizen must choose a Signet password before going on: the account has none
     *                          and the old password does not meet Signet's rules; empty otherwise
     */
    record Linked(UUID accountId, Optional<PasswordProblem> newPasswordNeeded) implements LegacyCheck {
        public Linked {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(newPasswordNeeded, "newPasswordNeeded");
        }

        public Linked(UUID accountId) {
            this(accountId, Optional.empty());
        }
    }

    /**
     * Right details for a legacy identity not linked yet.
     *
     * @param passwordHash the legacy password hashed for Signet (Argon2id), ready to become the new account's
     *                     password: the journey keeps it in the session instead of the password itself; empty when
     *                     the citizen signed in at an upstream provider, which shows Signet no password, or when
     *                     the password was refused
     * @param passwordRefused why the legacy password may not become a Signet password ({@link CarryOverPolicy});
     *                        empty when it may, or when there was none
     */
    record NotLinked(LegacyIdentity identity, Optional<String> passwordHash, Optional<PasswordProblem> passwordRefused)
            implements LegacyCheck {
        public NotLinked {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(passwordHash, "passwordHash");
            Objects.requireNonNull(passwordRefused, "passwordRefused");
            if (passwordHash.isPresent() && passwordRefused.isPresent()) {
                throw new IllegalArgumentException("A refused password is not carried over");
            }
        }

        public NotLinked(LegacyIdentity identity, Optional<String> passwordHash) {
            this(identity, passwordHash, Optional.empty());
        }
    }
}
