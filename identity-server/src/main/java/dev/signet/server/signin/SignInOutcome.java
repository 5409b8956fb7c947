package dev.signet.server.signin;

import dev.signet.core.password.PasswordProblem;
import java.time.Duration;
import java.util.UUID;

/** What happened when a citizen gave an email address and a password. */
public sealed interface SignInOutcome {

    /** Right password on an active account. */
    record SignedIn(UUID accountId) implements SignInOutcome {
    }

    /** Unknown email, wrong password or no password set: the citizen is told the same thing in every case. */
    record InvalidCredentials() implements SignInOutcome {
    }

    /** Right password, but an operator has suspended or blocked the account. */
    record Unavailable(boolean blocked) implements SignInOutcome {
    }

    /**
     * Right password, but the account has been merged into another account of the same person: that account's email
     * address and password are the ones to use now.
     */
    record Merged() implements SignInOutcome {
    }

    /** Right password, but the password must be replaced before the account can be used. */
    record ResetRequired(String email) implements SignInOutcome {
    }

    /**
     * Right password on an active account, but it is still the one a bulk import brought (as a legacy hash) and it
     * does not meet Signet's password rules: the citizen chooses a new one before being signed in.
     *
     * @param refusedFor why, only for the page's explanation: never logged
     */
    record NewPasswordRequired(UUID accountId, PasswordProblem refusedFor) implements SignInOutcome {
    }

    /**
     * Too many attempts for this email address or from this client address: the password was not checked (or, when
     * {@code lockedOut} has just started, was wrong once more). Said the same way whether or not the email has an
     * account.
     */
    record TooManyAttempts(Duration retryAfter, boolean lockedOut) implements SignInOutcome {
    }
}
